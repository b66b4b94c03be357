using System.Text.RegularExpressions;

namespace Slipway.Core.Commits.Dialects;

/// <summary>The parser options of a conventional-changelog preset, as semantic-release's commit-analyzer loads them.</summary>
/// <param name="Header">The header pattern: group 1 is the type.</param>
/// <param name="BreakingHeader">A header that is breaking by itself ('!' before the colon), or null when the preset has none.</param>
/// <param name="Notes">A line that opens a breaking-change note (the preset's note keywords, case-insensitive).</param>
/// <param name="Revert">The revert pattern, matched on the whole raw message: group 1 is the reverted header, group 2 its hash.</param>
public sealed partial record CommitAnalyzerOptions(Regex Header, Regex? BreakingHeader, Regex Notes, Regex Revert)
{
    // JavaScript's '.' and '\w' (without the u flag), written out so .NET matches exactly what Node matches.
    private const string Word = "[A-Za-z0-9_]";
    private const string Dot = @"[^\n\r\u2028\u2029]";
    private const RegexOptions Exact = RegexOptions.CultureInvariant;
    private const RegexOptions Insensitive = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>conventional-changelog-angular 8.3.1 (semantic-release's default): no '!', only "BREAKING CHANGE" notes.</summary>
    public static readonly CommitAnalyzerOptions Angular = new(AngularHeader(), null, AngularNotes(), AngularRevert());

    /// <summary>conventional-changelog-conventionalcommits 9.3.1: '!' honoured, both breaking-change spellings.</summary>
    public static readonly CommitAnalyzerOptions ConventionalCommits = new(ConventionalHeader(), ConventionalBreakingHeader(), ConventionalNotes(), ConventionalRevert());

    // Generated at build time (every command parses every commit of its range with them; AOT would otherwise interpret them).
    [GeneratedRegex($@"^({Word}*)(?:\(({Dot}*)\))?: ({Dot}*)\z", Exact)]
    private static partial Regex AngularHeader();

    [GeneratedRegex($@"^(?:Revert|revert:)\s""?([\s\S]+?)""?\s*This reverts commit ({Word}{{7,40}})\b", Insensitive)]
    private static partial Regex AngularRevert();

    [GeneratedRegex($@"^({Word}*)(?:\(({Dot}*)\))?!?: ({Dot}*)\z", Exact)]
    private static partial Regex ConventionalHeader();

    [GeneratedRegex($@"^({Word}*)(?:\(({Dot}*)\))?!: ({Dot}*)\z", Exact)]
    private static partial Regex ConventionalBreakingHeader();

    [GeneratedRegex($@"^(?:Revert|revert:)\s""?([\s\S]+?)""?\s*This reverts commit ({Word}*)\.", Insensitive)]
    private static partial Regex ConventionalRevert();

    // conventional-commits-parser 6.4.0: ^[\s|*]*(keywords)[:\s]+(.*) with the i flag.
    [GeneratedRegex(@"^[\s|*]*(BREAKING CHANGE)[:\s]+", Insensitive)]
    private static partial Regex AngularNotes();

    [GeneratedRegex(@"^[\s|*]*(BREAKING CHANGE|BREAKING-CHANGE)[:\s]+", Insensitive)]
    private static partial Regex ConventionalNotes();
}
