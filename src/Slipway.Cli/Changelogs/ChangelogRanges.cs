using Slipway.Core.Changelog;
using Slipway.Core.Errors;

namespace Slipway.Cli.Changelogs;

/// <summary>Reads `--range A..B`: two revisions, checked before git sees them (never an option), resolved to commits.</summary>
public static class ChangelogRanges
{
    public static async Task<ChangelogRelease> ReleaseAsync(ChangelogSource source, string range, CancellationToken cancellationToken)
    {
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        var from = dots < 0 ? string.Empty : range[..dots];
        var until = dots < 0 ? string.Empty : range[(dots + 2)..];
        if (dots < 0 || !IsRevision(from) || !IsRevision(until))
        {
            throw new SlipwayException(SlipwayError.Usage($"--range '{range}' is not A..B", "give two tags, branches or commits, e.g. --range v1.2.0..v1.3.0"));
        }

        var repo = source.Repository;
        IReadOnlyList<string> commits;
        try
        {
            commits = await repo.Git.ResolveCommitsAsync([from, until], cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException)
        {
            throw new SlipwayException(SlipwayError.Usage($"--range '{range}': {from} or {until} is not a tag, branch or commit here",
                "check the names with git tag and git branch (fetch first if they are on the remote)"));
        }

        var tag = repo.VersionTags.FirstOrDefault(t => t.Name == until);
        var previous = repo.VersionTags.Any(t => t.Name == from) ? from : null;
        var release = await source.ReleaseAsync(new ReleaseHeading(tag?.Version.ToString(), tag?.Name, previous, null), commits[0], commits[1], cancellationToken).ConfigureAwait(false);
        return release with { Date = release.Entries.Count > 0 && tag is not null ? DateOnly.FromDateTime(release.Entries[0].Commit.AuthorDate.DateTime) : null };
    }

    private static bool IsRevision(string text) =>
        text.Length is > 0 and <= 255 && !text.StartsWith('-') && !text.StartsWith('.') && !text.EndsWith('.') && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
