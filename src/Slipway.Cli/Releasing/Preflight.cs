using Slipway.Adapters.Files;
using Slipway.Adapters.Workspace;
using Slipway.Core.Errors;
using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing;

/// <summary>The checks `release` runs before it changes anything (`plan` shows the same list): the facts read here, the verdicts <see cref="PreflightRules"/>'.</summary>
public static class Preflight
{
    /// <param name="fetch">Fetch from the remote first (release); plan uses what the last fetch saw and changes nothing.</param>
    /// <param name="push">Whether the release pushes: `release --no-push` needs no remote (a later run pushes).</param>
    public static Task<IReadOnlyList<PreflightCheck>> RunAsync(Workspace repo, ReleasePlan plan, bool fetch, bool push, CancellationToken cancellationToken) =>
        RunAsync(repo, Task.FromResult(plan), fetch, push, cancellationToken);

    /// <summary>The same checks, started while the plan is still being computed: the ones that do not need it run beside it.</summary>
    public static async Task<IReadOnlyList<PreflightCheck>> RunAsync(Workspace repo, Task<ReleasePlan> planning, bool fetch, bool push, CancellationToken cancellationToken)
    {
        // Each check is its own git process, and only the tag check needs the plan (and, when fetching, the fetch).
        var changes = repo.Git.UncommittedChangesAsync(cancellationToken);
        var remote = RemoteFactsAsync(repo, fetch, push, cancellationToken);
        var others = Task.Run(() => repo.OtherPrefixTagsAsync(cancellationToken), cancellationToken);
        var plan = await planning.ConfigureAwait(false);
        var tag = ExistingTagAsync(repo, plan, fetch ? remote : null, cancellationToken);
        return
        [
            PreflightRules.Branch(repo.State.Branch, repo.Config.Branches),
            PreflightRules.Prefix(await others.ConfigureAwait(false), repo.Naming, repo.VersionTags.Count, repo.Config.Tag.Configured, repo.Line.Latest?.Version),
            PreflightRules.Clean(await ChangesAsync(repo, plan, changes, cancellationToken).ConfigureAwait(false)),
            PreflightRules.Remote(await remote.ConfigureAwait(false)),
            PreflightRules.Tag(plan, await tag.ConfigureAwait(false)),
            PreflightRules.Version(plan),
            PreflightRules.Changes(plan),
        ];
    }

    /// <summary>Uncommitted changes, without the edits of a release that wrote its files and stopped before its commit (a re-run finishes it).</summary>
    private static async Task<IReadOnlyList<string>> ChangesAsync(Workspace repo, ReleasePlan plan, Task<IReadOnlyList<string>> status, CancellationToken cancellationToken)
    {
        // Temporary files of a run that was killed while writing (.CHANGELOG.md.slipway-….tmp) are Slipway's own, not changes:
        // the release removes them before its first step.
        var changes = (await status.ConfigureAwait(false)).Where(c => !AtomicFile.IsLeftover(Path.Combine(repo.State.TopLevel, c))).ToList();
        // A release that wrote its files and stopped before its commit left exactly those edits: a re-run finishes it.
        var resumable = await ReleaseFiles.ResumableAsync(repo, plan, changes, cancellationToken).ConfigureAwait(false);
        return [.. changes.Where(c => !resumable.Contains(c))];
    }

    internal static async Task<RemoteFacts> RemoteFactsAsync(Workspace repo, bool fetch, bool push, CancellationToken cancellationToken)
    {
        var (remote, branch) = (repo.Config.Remote, repo.PushBranch);
        var facts = new RemoteFacts(remote, branch, Exists: false, push, Fetched: fetch);
        if (!(await repo.Git.RemotesAsync(cancellationToken).ConfigureAwait(false)).Contains(remote))
        {
            return facts;
        }

        if (fetch)
        {
            try
            {
                await repo.Git.FetchAsync(remote, branch, cancellationToken).ConfigureAwait(false);
            }
            catch (SlipwayException e)
            {
                return facts with { Exists = true, FetchProblem = e.Error.Message, FetchFix = e.Error.Fix };
            }
        }

        var tracking = $"refs/remotes/{remote}/{branch}";
        if (await repo.Git.RefCommitAsync(tracking, cancellationToken).ConfigureAwait(false) is null)
        {
            return facts with { Exists = true };
        }

        if (repo.State.Head is null)
        {
            return facts with { Exists = true, UpstreamExists = true, HasCommits = false };
        }

        var (ahead, behind) = await repo.Git.AheadBehindAsync("HEAD", tracking, cancellationToken).ConfigureAwait(false);
        return facts with { Exists = true, UpstreamExists = true, Ahead = ahead, Behind = behind };
    }

    /// <summary>The commit the plan's tag names here, or null. When fetching, it is looked up after the fetch, which may have brought it.</summary>
    private static async Task<string?> ExistingTagAsync(Workspace repo, ReleasePlan plan, Task<RemoteFacts>? fetching, CancellationToken cancellationToken)
    {
        if (plan.TagExistsAtHead)
        {
            return null;
        }

        if (fetching is null)
        {
            // Nothing was fetched: the tags read when the repository was opened are current, no need to ask git again.
            return repo.VersionTags.FirstOrDefault(t => t.Name == plan.NextTag)?.Commit;
        }

        await fetching.ConfigureAwait(false);
        return await repo.Git.RefCommitAsync($"refs/tags/{plan.NextTag}", cancellationToken).ConfigureAwait(false);
    }
}
