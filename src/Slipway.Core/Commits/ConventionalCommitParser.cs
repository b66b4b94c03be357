using System.Text.RegularExpressions;

namespace Slipway.Core.Commits;

/// <summary>Reads a commit message as Conventional Commits 1.0.0, exactly as the specification words it.</summary>
/// <remarks>
/// Two lenient readings that every parser shares are kept: a body or footer that starts on the line right after
/// the header (no blank line), and extra spaces after ": ". Footer values run across lines and blank lines until
/// the next line that starts with a token and separator (rule 10 read literally). Nothing in a message is ever
/// evaluated: template or shell syntax is plain text.
/// </remarks>
public static partial class ConventionalCommitParser
{
    private const string BreakingChange = "BREAKING CHANGE";
    private const string BreakingChangeHyphen = "BREAKING-CHANGE";

    public static ConventionalCommit Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Replace("\r\n", "\n", StringComparison.Ordinal);
        var reverted = RevertLine().Match(text) is { Success: true } revert ? revert.Groups["sha"].Value : null;
        var lines = text.Split('\n');
        var header = Header().Match(lines[0]);
        var description = header.Success ? header.Groups["description"].Value.Trim() : string.Empty;
        if (description.Length == 0)
        {
            return new ConventionalCommit { IsConventional = false, RevertedSha = reverted };
        }

        var (body, footers) = BodyAndFooters(lines);
        return new ConventionalCommit
        {
            IsConventional = true,
            Type = header.Groups["type"].Value,
            Scope = header.Groups["scope"].Success ? header.Groups["scope"].Value : null,
            IsBreaking = header.Groups["bang"].Success || footers.Any(f => f.Token is BreakingChange or BreakingChangeHyphen),
            Description = description,
            Body = body,
            Footers = footers,
            RevertedSha = reverted,
        };
    }

    /// <summary>True when <paramref name="line"/> starts a footer: a token ("BREAKING CHANGE" or a word with '-') then ": " or " #".</summary>
    public static bool IsFooterLine(string line) => FooterLine().IsMatch(line);

    private static (string? Body, IReadOnlyList<CommitFooter> Footers) BodyAndFooters(string[] lines)
    {
        // The footer section starts at the first paragraph (after the header) whose first line is a footer line.
        var footerStart = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var startsParagraph = i == 1 || string.IsNullOrWhiteSpace(lines[i - 1]);
            if (startsParagraph && !string.IsNullOrWhiteSpace(lines[i]) && IsFooterLine(lines[i]))
            {
                footerStart = i;
                break;
            }
        }

        var bodyEnd = footerStart < 0 ? lines.Length : footerStart;
        var body = string.Join('\n', lines[1..bodyEnd]).Trim();
        var footers = new List<CommitFooter>();
        if (footerStart >= 0)
        {
            string? token = null;
            var value = new List<string>();
            for (var i = footerStart; i < lines.Length; i++)
            {
                var match = FooterLine().Match(lines[i]);
                if (match.Success)
                {
                    if (token is not null)
                    {
                        footers.Add(new CommitFooter(token, string.Join('\n', value).Trim()));
                    }

                    token = match.Groups["token"].Value;
                    value = [match.Groups["value"].Value];
                }
                else
                {
                    value.Add(lines[i]);
                }
            }

            footers.Add(new CommitFooter(token!, string.Join('\n', value).Trim()));
        }

        return (body.Length == 0 ? null : body, footers);
    }

    // <type>[(<scope>)][!]: <description> — type is a word (letters, digits, '_' or '-'), scope is non-empty.
    [GeneratedRegex(@"^(?<type>[\p{L}\p{N}_-]+)(?:\((?<scope>[^()\n]+)\))?(?<bang>!)?: (?<description>.*)\z")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?<token>BREAKING CHANGE|[\p{L}\p{N}_-]+)(?:: | #)(?<value>.*)\z")]
    private static partial Regex FooterLine();

    [GeneratedRegex(@"^This reverts commit (?<sha>[0-9a-fA-F]{7,64})\b", RegexOptions.Multiline)]
    private static partial Regex RevertLine();
}
