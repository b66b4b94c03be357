using Slipway.Cli.Releasing;
using Slipway.Core.Commits;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Publishing;

/// <summary>The changelog of one released version: the commits from the release before it (as `release` chose it) to its tag.</summary>
public static class VersionChangelog
{
    /// <param name="tagCommit">The commit the version's tag points at.</param>
    public static async Task<(VersionTag? Base, IReadOnlyList<Commit> Commits)> CommitsAsync(Repository repo, SemanticVersion version, string tagCommit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var git = repo.Git;
        var candidates = repo.VersionTags.Where(t => t.Version.CompareTo(version) < 0).ToList();
        var peeled = new Dictionary<string, string>(StringComparer.Ordinal);
        var line = await VersionDiscovery.FindAsync(candidates, async batch =>
        {
            var objects = batch.Select(t => t.Commit).Distinct().ToList();
            var commits = await git.ResolveCommitsAsync(objects, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < objects.Count; i++)
            {
                peeled[objects[i]] = commits[i];
            }

            var reachable = await git.ReachableFromAsync(tagCommit, commits.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
            return batch.Where(t => reachable.Contains(peeled[t.Commit])).Select(t => t.Commit).ToHashSet(StringComparer.Ordinal);
        }).ConfigureAwait(false);

        // The same rule as `release`: a stable version's changes start at the last stable release, a prerelease's at the last tag.
        var rangeBase = ReleasePlanner.RangeBase(line, version.IsPrerelease ? "pre" : null);
        var baseTag = rangeBase is null ? null : rangeBase with { Commit = peeled[rangeBase.Commit] };
        var list = new List<Commit>();
        await foreach (var commit in git.LogAsync(baseTag?.Commit, tagCommit, includeMerges: false, cancellationToken).ConfigureAwait(false))
        {
            list.Add(commit);
        }

        return (baseTag, list);
    }
}
