using Slipway.Adapters.Workspace;
using Slipway.Cli.Output;
using Slipway.Core.Commits;
using Slipway.Core.Errors;
using Slipway.Core.Packages;
using Slipway.Core.Releases.PullRequests;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>With packages, on a push to the release branch: the merged release pull request's commit (its trailers name one
/// `Slipway-Release:` tag per package) gets every one of those tags, each with its package's changelog, all pushed in one atomic
/// push; done when the remote has every tag on that commit.</summary>
public static class MergedPackageReleaseTags
{
    /// <returns>The package tags now on the merged release commit, or null when no merged release pull request waits in this push.</returns>
    public static async Task<IReadOnlyList<VersionTag>?> TagAsync(Workspace repo, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(terminal);
        if (await FindAsync(repo, cancellationToken).ConfigureAwait(false) is not var (release, tags))
        {
            return null;
        }

        var remote = repo.Config.Remote;
        var onRemote = await repo.Git.ListRemoteRefsAsync(remote, [.. tags.SelectMany(t => new[] { $"refs/tags/{t}", $"refs/tags/{t}^{{}}" })], cancellationToken)
            .ConfigureAwait(false);
        var local = await LocalTagsAsync(repo, cancellationToken).ConfigureAwait(false);
        var toPush = new List<string>();
        var released = new List<VersionTag>();
        foreach (var tag in tags)
        {
            if (!onRemote.TryGetValue($"refs/tags/{tag}^{{}}", out var commit) && !onRemote.TryGetValue($"refs/tags/{tag}", out commit))
            {
                toPush.Add(tag);
            }
            else if (commit != release.Sha)
            {
                throw new SlipwayException(SlipwayError.Precondition(
                    $"tag {tag} already exists on {remote} on {commit[..7]}, not on the merged release commit {release.ShortSha}",
                    $"someone released it already: delete that tag if it is wrong (git push --delete {remote} {tag}), or let the next release pull request propose a new version"));
            }

            // FindAsync returned only the tags a package owns, which parse as its versions.
            var package = PackageNaming.Owner(repo.Config.Packages, tag)!;
            var versionTag = new VersionTag(tag, PackageNaming.For(package).TryParse(tag, out var version) ? version : throw new InvalidOperationException(tag), release.Sha);
            if (!local.ContainsKey(tag))
            {
                // The package's own workspace: its previous release, its paths' commits, its changelog settings make the tag's message.
                using var packageRepo = await Workspace.OpenAsync(repo.Root, repo.Clock, repo.Environment, cancellationToken, package.Name).ConfigureAwait(false);
                terminal.Status($"{terminal.Bold(">")} tag: {tag} on the merged release commit {release.ShortSha}");
                await repo.Git.TagCommitAsync(tag, await MergedReleaseTag.MessageAsync(packageRepo, release.Sha, versionTag, cancellationToken).ConfigureAwait(false),
                    release.Sha, cancellationToken).ConfigureAwait(false);
            }

            released.Add(versionTag);
        }

        if (toPush.Count > 0)
        {
            terminal.Status($"{terminal.Bold(">")} push: {string.Join(", ", toPush)} to {remote} (atomic)");
            await repo.Git.PushAsync(remote, [.. toPush.Select(t => $"refs/tags/{t}:refs/tags/{t}")], atomic: true, cancellationToken).ConfigureAwait(false);
        }

        return released;
    }

    /// <summary>The merged release commit and the package tags its trailers name: the newest commit with such trailers, unless it is an
    /// earlier release, tagged already, that HEAD has moved past (then null, as for a single package: that push released it).
    /// The walk from HEAD stops at the first commit that carries a package's tag: what is older was released before.</summary>
    public static async Task<(Commit Commit, IReadOnlyList<string> Tags)?> FindAsync(Workspace repo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var packages = repo.Config.Packages;
        var all = await LocalTagsAsync(repo, cancellationToken).ConfigureAwait(false);
        var tagged = all.Where(t => IsReleaseTag(packages, t.Key)).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
        await foreach (var commit in repo.LogAsync(null, "HEAD", includeMerges: false, cancellationToken).ConfigureAwait(false))
        {
            if (commit.Message.Contains(ReleaseTrailer.Key, StringComparison.OrdinalIgnoreCase)
                && MergedRelease.Tags(commit, all, t => IsReleaseTag(packages, t)) is { Count: > 0 } tags)
            {
                return tags.All(all.ContainsKey) && commit.Sha != repo.State.Head ? null : (commit, tags);
            }

            if (tagged.Contains(commit.Sha))
            {
                return null;
            }
        }

        return null;
    }

    private static bool IsReleaseTag(IReadOnlyList<Core.Configuration.PackageConfig> packages, string tag) => PackageNaming.Owner(packages, tag) is not null;

    private static async Task<Dictionary<string, string>> LocalTagsAsync(Workspace repo, CancellationToken cancellationToken) =>
        (await repo.History.TagsAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Commit, StringComparer.Ordinal);
}
