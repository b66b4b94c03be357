using Slipway.Core.Commits;

namespace Slipway.Core.Gates;

/// <summary>
/// `breaking_documented`: each breaking change in the range is explained, by a BREAKING CHANGE note with text in the commit,
/// by CHANGELOG.md mentioning its description, or by a change to a migration guide in the range.
/// </summary>
public static class BreakingDocumentedRule
{
    /// <param name="commits">The release's commits (newest first, as the plan lists them).</param>
    /// <param name="changelog">CHANGELOG.md's text at HEAD, or null when there is none.</param>
    /// <param name="changedFiles">The paths changed in the range (repository-relative, '/'-separated).</param>
    /// <param name="migrationPaths">The guide's paths: a file, or a folder ending in '/'.</param>
    public static GateVerdict Judge(IReadOnlyList<Commit> commits, string? changelog, IReadOnlyCollection<string> changedFiles, IReadOnlyList<string> migrationPaths)
    {
        ArgumentNullException.ThrowIfNull(commits);
        ArgumentNullException.ThrowIfNull(changedFiles);
        ArgumentNullException.ThrowIfNull(migrationPaths);
        const string Gate = ReleaseGate.BreakingDocumented;
        var breaking = commits.Reverse().Select(c => (Commit: c, Parsed: ConventionalCommitParser.Parse(c.Message))).Where(c => c.Parsed.IsBreaking).ToList();
        if (breaking.Count == 0)
        {
            return GateVerdict.Pass(Gate, "no breaking change in the release");
        }

        var guide = changedFiles.FirstOrDefault(f => migrationPaths.Any(p => p.EndsWith('/') ? f.StartsWith(p, StringComparison.Ordinal) : f == p));
        if (guide is not null)
        {
            return GateVerdict.Pass(Gate, $"{breaking.Count} breaking change(s); the migration guide {guide} changed in the release");
        }

        foreach (var (commit, parsed) in breaking)
        {
            if (HasNote(parsed) || Mentioned(changelog, parsed.Description ?? commit.Subject))
            {
                continue;
            }

            return GateVerdict.Fail(Gate, $"breaking change {commit.ShortSha} \"{commit.Subject}\" is not explained",
                $"say what breaks and how to migrate: a BREAKING CHANGE: note with text in the commit, a mention in CHANGELOG.md, or a change under {string.Join(" or ", migrationPaths)}");
        }

        return GateVerdict.Pass(Gate, $"{breaking.Count} breaking change(s), each explained");
    }

    private static bool HasNote(ConventionalCommit parsed) =>
        parsed.Footers.Any(f => f.Token is "BREAKING CHANGE" or "BREAKING-CHANGE" && f.Value.Trim().Length > 0);

    private static bool Mentioned(string? changelog, string description) =>
        changelog is not null && description.Trim().Length > 0 && changelog.Contains(description.Trim(), StringComparison.OrdinalIgnoreCase);
}
