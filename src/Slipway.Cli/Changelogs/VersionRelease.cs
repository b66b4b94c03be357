using System.Globalization;
using Slipway.Core.Changelog;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Changelogs;

/// <summary>The changelog release of one existing version, as `notes` and `publish` show it.</summary>
public static class VersionRelease
{
    /// <summary>The release of <paramref name="tag"/>: since the highest lower version (stable ones only, for a stable version) that is its ancestor.</summary>
    public static async Task<ChangelogRelease> ForTagAsync(ChangelogSource source, VersionTag tag, CancellationToken cancellationToken)
    {
        var git = source.Repository.Git;
        var candidates = source.Repository.VersionTags
            .Where(t => t.Version < tag.Version && (tag.Version.IsPrerelease || !t.Version.IsPrerelease))
            .OrderByDescending(t => t.Version).ToList();
        var commits = await git.ResolveCommitsAsync([.. candidates.Select(t => "refs/tags/" + t.Name), "refs/tags/" + tag.Name], cancellationToken).ConfigureAwait(false);
        var tagCommit = commits[^1];
        VersionTag? previous = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (await git.IsAncestorAsync(commits[i], tagCommit, cancellationToken).ConfigureAwait(false))
            {
                previous = candidates[i] with { Commit = commits[i] };
                break;
            }
        }

        var dateText = await git.RunAsync(["log", "-1", "--format=%aI", "--end-of-options", tagCommit], cancellationToken).ConfigureAwait(false);
        var date = DateOnly.FromDateTime(DateTimeOffset.Parse(dateText.Trim(), CultureInfo.InvariantCulture).DateTime);
        return await source.ReleaseAsync(new ReleaseHeading(tag.Version.ToString(), tag.Name, previous?.Name, date), previous?.Commit, tagCommit, cancellationToken).ConfigureAwait(false);
    }
}
