using Slipway.Core.Errors;
using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing;

/// <summary>The checks `release` runs before it changes anything; `plan` shows the same list.</summary>
public static class Preflight
{
    /// <param name="fetch">Fetch from the remote first (release); plan uses what the last fetch saw and changes nothing.</param>
    /// <param name="push">Whether the release pushes: `release --no-push` needs no remote (a later run pushes).</param>
    public static Task<IReadOnlyList<PreflightCheck>> RunAsync(Repository repo, ReleasePlan plan, bool fetch, bool push, CancellationToken cancellationToken) =>
        RunAsync(repo, Task.FromResult(plan), fetch, push, cancellationToken);

    /// <summary>The same checks, started while the plan is still being computed: the ones that do not need it run beside it.</summary>
    public static async Task<IReadOnlyList<PreflightCheck>> RunAsync(Repository repo, Task<ReleasePlan> planning, bool fetch, bool push, CancellationToken cancellationToken)
    {
        var config = repo.Config;
        // Each check is its own git process, and only the tag check needs the plan (and, when fetching, the fetch).
        var changes = repo.Git.UncommittedChangesAsync(cancellationToken);
        var remote = RemoteCheckAsync(repo, fetch, push, cancellationToken);
        var prefix = PrefixCheckAsync(repo, cancellationToken);
        var plan = await planning.ConfigureAwait(false);
        var tag = TagCheckAsync(repo, plan, fetch ? remote : null, cancellationToken);

        var checks = new List<PreflightCheck>();
        checks.Add(repo.State.Branch switch
        {
            null => PreflightCheck.Fail("branch", "HEAD is detached, not on a branch", $"switch to the release branch: git switch {config.Branch}"),
            var b when b == config.Branch => PreflightCheck.Pass("branch", $"on the release branch {b}"),
            var b => PreflightCheck.Fail("branch", $"on branch {b}, not the release branch {config.Branch}", $"git switch {config.Branch} (or set branch: in slipway.yml)"),
        });

        checks.Add(await prefix.ConfigureAwait(false));

        checks.Add(await CleanCheckAsync(repo, plan, changes, cancellationToken).ConfigureAwait(false));

        checks.Add(await remote.ConfigureAwait(false));

        checks.Add(await tag.ConfigureAwait(false));

        checks.Add(plan.Status == ReleaseStatus.NotHigher && plan.Refusal is var (message, fix)
            ? PreflightCheck.Fail("version", message, fix)
            : PreflightCheck.Pass("version", plan.Current is { } current && !plan.TagExistsAtHead
                ? $"{plan.Next} is higher than the current {current.Version}"
                : $"{plan.Next} is the release"));

        checks.Add(plan.NothingToRelease is { } nothing
            ? PreflightCheck.Fail("changes", $"nothing to release: {nothing}", "commit the changes to release first")
            : PreflightCheck.Pass("changes", plan.TagExistsAtHead ? $"{plan.NextTag} is already on HEAD" : $"{plan.Commits.Count} commit(s) to release"));
        return checks;
    }

    private static async Task<PreflightCheck> CleanCheckAsync(Repository repo, ReleasePlan plan, Task<IReadOnlyList<string>> status, CancellationToken cancellationToken)
    {
        var changes = await status.ConfigureAwait(false);
        // A release that wrote its files and stopped before its commit left exactly those edits: a re-run finishes it.
        var resumable = await ReleaseFiles.ResumableAsync(repo, plan, changes, cancellationToken).ConfigureAwait(false);
        changes = [.. changes.Where(c => !resumable.Contains(c))];
        return changes.Count == 0
            ? PreflightCheck.Pass("clean", "the working tree is clean")
            : PreflightCheck.Fail("clean", $"{changes.Count} uncommitted change(s), e.g. {changes[0]}", "commit or stash them: git stash --include-untracked");
    }

    /// <summary>
    /// Version tags under another prefix: with the default prefix and none of its own, the repository's versions are surely
    /// those (MinVer's `1.2.3`), and releasing 0.0.1 beside them would be wrong; otherwise they are named, not refused.
    /// </summary>
    private static async Task<PreflightCheck> PrefixCheckAsync(Repository repo, CancellationToken cancellationToken)
    {
        var others = await Task.Run(() => repo.OtherPrefixTagsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        var own = $"{repo.VersionTags.Count} version tag(s) with the prefix {repo.Naming.Describe()}";
        if (others.Count == 0)
        {
            return PreflightCheck.Pass("prefix", own);
        }

        var first = others[0];
        var setting = $"tag: {{ prefix: [{string.Join(", ", repo.Naming.Prefixes.Select(Quote))}, {first.Quoted}] }}";
        if (repo.VersionTags.Count == 0 && !repo.Config.Tag.Configured)
        {
            return PreflightCheck.Fail("prefix", $"no tag has the prefix {repo.Naming.Describe()}, but there are {first}",
                $"set tag: {{ prefix: {first.Quoted} }} in slipway.yml to read them (or {setting} to keep both)");
        }

        var higher = others.Where(o => repo.Line.Latest is not { } latest || o.Highest > latest.Version).ToList();
        return PreflightCheck.Pass("prefix", higher.Count == 0
            ? $"{own}; also {string.Join(", ", others)}, not read (tag.prefix)"
            : $"{own}; {string.Join(", ", higher)} not read, higher than the current version: {setting} in slipway.yml reads them");
    }

    private static string Quote(string prefix) => prefix.Length == 0 ? "''" : prefix;

    private static async Task<PreflightCheck> RemoteCheckAsync(Repository repo, bool fetch, bool push, CancellationToken cancellationToken)
    {
        var config = repo.Config;
        var remotes = await repo.Git.RemotesAsync(cancellationToken).ConfigureAwait(false);
        if (!remotes.Contains(config.Remote) && !push)
        {
            return PreflightCheck.Pass("remote", $"there is no remote named '{config.Remote}'; --no-push does not need one");
        }

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

        if (plan.Status == ReleaseStatus.NothingToRelease && plan.Bump.Kind == Core.Versioning.BumpKind.None)
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

        if (existing is null && plan.Status == ReleaseStatus.VersionExists && plan.Refusal is var (message, fix))
        {
            // The same version under another of the configured prefixes (1.3.0 beside v1.3.0).
            return PreflightCheck.Fail("tag", message, fix);
        }

        return existing is null
            ? PreflightCheck.Pass("tag", $"{plan.NextTag} does not exist yet")
            : PreflightCheck.Fail("tag", $"tag {plan.NextTag} already exists on {existing[..7]}, not on HEAD",
                "choose another version, or delete the tag if it was a mistake: git tag -d " + plan.NextTag);
    }
}
