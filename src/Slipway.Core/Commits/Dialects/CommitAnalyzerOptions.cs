using System.Text.RegularExpressions;

namespace Slipway.Core.Commits.Dialects;

/// <summary>The parser options of a conventional-changelog preset, as semantic-release's commit-analyzer loads them.</summary>
/// <param name="Header">The header pattern: group 1 is the type.</param>
/// <param name="BreakingHeader">A header that is breaking by itself ('!' before the colon), or null when the preset has none.</param>
/// <param name="Notes">A line that opens a breaking-change note (the preset's note keywords, case-insensitive).</param>
/// <param name="Revert">The revert pattern, matched on the whole raw message: group 1 is the reverted header, group 2 its hash.</param>
public sealed record CommitAnalyzerOptions(Regex Header, Regex? BreakingHeader, Regex Notes, Regex Revert)
{
    // JavaScript's '.' and '\w' (without the u flag), written out so .NET matches exactly what Node matches.
    private const string Word = "[A-Za-z0-9_]";
    private const string Dot = @"[^\n\r\u2028\u2029]";
    private const RegexOptions Exact = RegexOptions.CultureInvariant;
    private const RegexOptions Insensitive = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>conventional-changelog-angular 8.3.1 (semantic-release's default): no '!', only "BREAKING CHANGE" notes.</summary>
    public static readonly CommitAnalyzerOptions Angular = new(
        new Regex($@"^({Word}*)(?:\(({Dot}*)\))?: ({Dot}*)\z", Exact),
        null,
        NotesFor("BREAKING CHANGE"),
        new Regex($@"^(?:Revert|revert:)\s""?([\s\S]+?)""?\s*This reverts commit ({Word}{{7,40}})\b", Insensitive));

    /// <summary>conventional-changelog-conventionalcommits 9.3.1: '!' honoured, both breaking-change spellings.</summary>
    public static readonly CommitAnalyzerOptions ConventionalCommits = new(
        new Regex($@"^({Word}*)(?:\(({Dot}*)\))?!?: ({Dot}*)\z", Exact),
        new Regex($@"^({Word}*)(?:\(({Dot}*)\))?!: ({Dot}*)\z", Exact),
        NotesFor("BREAKING CHANGE|BREAKING-CHANGE"),
        new Regex($@"^(?:Revert|revert:)\s""?([\s\S]+?)""?\s*This reverts commit ({Word}*)\.", Insensitive));

    // conventional-commits-parser 6.4.0: ^[\s|*]*(keywords)[:\s]+(.*) with the i flag.
    private static Regex NotesFor(string keywords) => new($@"^[\s|*]*({keywords})[:\s]+", Insensitive);
}
