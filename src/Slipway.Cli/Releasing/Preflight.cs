using Slipway.Adapters.Files;
using Slipway.Core.Errors;
using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing;

/// <summary>The checks `release` runs before it changes anything; `plan` shows the same list.</summary>
public static class Preflight
{
    /// <param name="fetch">Fetch from the remote first (release); plan uses what the last fetch saw and changes nothing.</param>
    public static Task<IReadOnlyList<PreflightCheck>> RunAsync(Repository repo, ReleasePlan plan, bool fetch, CancellationToken cancellationToken) =>
        RunAsync(repo, Task.FromResult(plan), fetch, cancellationToken);

    /// <summary>The same checks, started while the plan is still being computed: the ones that do not need it run beside it.</summary>
    public static async Task<IReadOnlyList<PreflightCheck>> RunAsync(Repository repo, Task<ReleasePlan> planning, bool fetch, CancellationToken cancellationToken)
    {
        var config = repo.Config;
        // Each check is its own git process, and only the tag check needs the plan (and, when fetching, the fetch).
        var changes = repo.Git.UncommittedChangesAsync(cancellationToken);
        var remote = RemoteCheckAsync(repo, fetch, cancellationToken);
        var plan = await planning.ConfigureAwait(false);
        var tag = TagCheckAsync(repo, plan, fetch ? remote : null, cancellationToken);

        var checks = new List<PreflightCheck>();
        checks.Add(repo.State.Branch switch
        {
            null => PreflightCheck.Fail("branch", "HEAD is detached, not on a branch", $"switch to the release branch: git switch {config.Branch}"),
            var b when b == config.Branch => PreflightCheck.Pass("branch", $"on the release branch {b}"),
            var b => PreflightCheck.Fail("branch", $"on branch {b}, not the release branch {config.Branch}", $"git switch {config.Branch} (or set branch: in slipway.yml)"),
        });

        checks.Add(await CleanCheckAsync(repo, plan, changes, cancellationToken).ConfigureAwait(false));

        checks.Add(await remote.ConfigureAwait(false));

        checks.Add(await tag.ConfigureAwait(false));

        checks.Add(plan.NothingToRelease is { } nothing
            ? PreflightCheck.Fail("changes", $"nothing to release: {nothing}", "commit the changes to release first")
            : PreflightCheck.Pass("changes", plan.TagExistsAtHead ? $"{plan.NextTag} is already on HEAD" : $"{plan.Commits.Count} commit(s) to release"));
        return checks;
    }

    private static async Task<PreflightCheck> CleanCheckAsync(Repository repo, ReleasePlan plan, Task<IReadOnlyList<string>> status, CancellationToken cancellationToken)
    {
        // Temporary files of a run that was killed while writing (.CHANGELOG.md.slipway-….tmp) are Slipway's own, not changes:
        // the release removes them before its first step.
        var changes = (await status.ConfigureAwait(false)).Where(c => !AtomicFile.IsLeftover(Path.Combine(repo.State.TopLevel, c))).ToList();
        // A release that wrote its files and stopped before its commit left exactly those edits: a re-run finishes it.
        var resumable = await ReleaseFiles.ResumableAsync(repo, plan, changes, cancellationToken).ConfigureAwait(false);
        changes = [.. changes.Where(c => !resumable.Contains(c))];
        return changes.Count == 0
            ? PreflightCheck.Pass("clean", "the working tree is clean")
            : PreflightCheck.Fail("clean", $"{changes.Count} uncommitted change(s), e.g. {changes[0]}", "commit or stash them: git stash --include-untracked");
    }

    private static async Task<PreflightCheck> RemoteCheckAsync(Repository repo, bool fetch, CancellationToken cancellationToken)
    {
        var config = repo.Config;
        var remotes = await repo.Git.RemotesAsync(cancellationToken).ConfigureAwait(false);
        if (!remotes.Contains(config.Remote))
        {
            return PreflightCheck.Fail("remote", $"there is no remote named '{config.Remote}'",
                $"add it with git remote add {config.Remote} URL (or set remote: in slipway.yml)");
        }

        var tracking = $"refs/remotes/{config.Remote}/{config.Branch}";
        if (fetch)
        {
            try
            {
                await repo.Git.FetchAsync(config.Remote, config.Branch, cancellationToken).ConfigureAwait(false);
            }
            catch (SlipwayException e)
            {
                return PreflightCheck.Fail("remote", $"could not fetch from {config.Remote}: {e.Error.Message}", e.Error.Fix ?? "check the network and the remote URL");
            }
        }

        var upstream = await repo.Git.RefCommitAsync(tracking, cancellationToken).ConfigureAwait(false);
        if (upstream is null)
        {
            return PreflightCheck.Pass("remote", $"{config.Remote}/{config.Branch} does not exist yet; the release will create it");
        }

        if (repo.State.Head is null)
        {
            return PreflightCheck.Fail("remote", "there are no commits yet", "commit something first");
        }

        var (ahead, behind) = await repo.Git.AheadBehindAsync("HEAD", tracking, cancellationToken).ConfigureAwait(false);
        var seen = fetch ? "fetched just now" : "as of the last fetch";
        return behind > 0
            ? PreflightCheck.Fail("remote", $"{behind} commit(s) behind {config.Remote}/{config.Branch} ({seen})", $"git pull --rebase {config.Remote} {config.Branch}")
            : PreflightCheck.Pass("remote", ahead > 0
                ? $"{ahead} commit(s) ahead of {config.Remote}/{config.Branch}, which the release pushes ({seen})"
                : $"up to date with {config.Remote}/{config.Branch} ({seen})");
    }

    /// <param name="fetching">The remote check when it fetches: the tag is looked up after the fetch, which may have brought it.</param>
    private static async Task<PreflightCheck> TagCheckAsync(Repository repo, ReleasePlan plan, Task<PreflightCheck>? fetching, CancellationToken cancellationToken)
    {
        if (plan.TagExistsAtHead)
        {
            return PreflightCheck.Pass("tag", $"{plan.NextTag} already exists on HEAD; the release resumes from it");
        }

        if (plan.NothingToRelease is not null && plan.Bump.Kind == Core.Versioning.BumpKind.None)
        {
            return PreflightCheck.Pass("tag", "no new tag: the commits call for no release");
        }

        string? existing;
        if (fetching is null)
        {
            // Nothing was fetched: the tags read when the repository was opened are current, no need to ask git again.
            existing = repo.VersionTags.FirstOrDefault(t => t.Name == plan.NextTag)?.Commit;
        }
        else
        {
            await fetching.ConfigureAwait(false);
            existing = await repo.Git.RefCommitAsync($"refs/tags/{plan.NextTag}", cancellationToken).ConfigureAwait(false);
        }

        return existing is null
            ? PreflightCheck.Pass("tag", $"{plan.NextTag} does not exist yet")
            : PreflightCheck.Fail("tag", $"tag {plan.NextTag} already exists on {existing[..7]}, not on HEAD",
                "choose another version, or delete the tag if it was a mistake: git tag -d " + plan.NextTag);
    }
}
