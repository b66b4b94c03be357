using Slipway.Adapters.Workspace;
using Slipway.Cli.Output;
using Slipway.Core.Commits;
using Slipway.Core.Errors;
using Slipway.Core.Releases;
using Slipway.Core.Releases.PullRequests;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>On a push to the release branch: the merged release pull request's commit (by its Slipway-Release trailer) gets its
/// version's annotated tag, pushed alone and atomically; done when the remote has the tag on that commit.</summary>
public static class MergedReleaseTag
{
    /// <returns>The tag now on the merged release commit, or null when no merged release pull request waits in this push.</returns>
    public static async Task<VersionTag?> TagAsync(Workspace repo, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(terminal);
        var commits = new List<Commit>();
        // From the last release before HEAD: a re-run on the tagged release commit finds it again (and finds its tag done).
        await foreach (var commit in repo.LogAsync(repo.BeforeHead.Latest?.Commit, "HEAD", includeMerges: false, cancellationToken).ConfigureAwait(false))
        {
            commits.Add(commit);
        }

        if (MergedRelease.Find(commits, repo.VersionTags, repo.Naming) is not var (release, tag, version))
        {
            return null;
        }

        var remote = repo.Config.Remote;
        var onRemote = await repo.Git.RemoteTagCommitAsync(remote, tag, cancellationToken).ConfigureAwait(false);
        if (onRemote is not null && onRemote != release.Sha)
        {
            throw new SlipwayException(SlipwayError.Precondition(
                $"tag {tag} already exists on {remote} on {onRemote[..7]}, not on the merged release commit {release.ShortSha}",
                $"someone released {version} already: delete that tag if it is wrong (git push --delete {remote} {tag}), or let the next release pull request propose a new version"));
        }

        if (!repo.VersionTags.Any(t => t.Name == tag))
        {
            terminal.Status($"{terminal.Bold(">")} tag: {tag} on the merged release commit {release.ShortSha}");
            await repo.Git.TagCommitAsync(tag, await MessageAsync(repo, release.Sha, new VersionTag(tag, version, release.Sha), cancellationToken).ConfigureAwait(false),
                release.Sha, cancellationToken).ConfigureAwait(false);
        }

        if (onRemote is null)
        {
            terminal.Status($"{terminal.Bold(">")} push: {tag} to {remote} (atomic)");
            await repo.Git.PushAsync(remote, [$"refs/tags/{tag}:refs/tags/{tag}"], atomic: true, cancellationToken).ConfigureAwait(false);
        }

        return new VersionTag(tag, version, release.Sha);
    }

    /// <summary>The tag's message as `slipway release` writes it (`Release vX.Y.Z` and the changelog), over the commits the pull request proposed.</summary>
    internal static async Task<string> MessageAsync(Workspace repo, string releaseCommit, VersionTag tag, CancellationToken cancellationToken)
    {
        var commits = new List<Commit>();
        await foreach (var commit in repo.LogAsync(repo.BeforeHead.Latest?.Commit, releaseCommit, includeMerges: false, cancellationToken).ConfigureAwait(false))
        {
            if (commit.Sha != releaseCommit)
            {
                commits.Add(commit);
            }
        }

        var initial = repo.Config.Versioning.Initial;
        var plan = ReleasePlanner.Plan(repo.BeforeHead, [], commits, BumpDecision.Released(tag, repo.BeforeHead.LatestStable?.Version ?? initial), null,
            initial, repo.Naming, repo.VersionTags);
        return ReleasePlanner.TagMessage(await Changelogs.PlanChangelog.RenderAsync(repo, plan, cancellationToken).ConfigureAwait(false));
    }
}
