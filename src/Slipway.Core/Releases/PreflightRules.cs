using Slipway.Core.Configuration;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases;

/// <summary>
/// The verdicts of the checks `release` runs before it changes anything (and `plan` shows), from facts the adapters read:
/// each is passed, or failed with its fix. Pure: the same facts, the same verdict.
/// </summary>
public static class PreflightRules
{
    /// <summary>Releases are cut from the configured branch, never from a detached HEAD.</summary>
    public static PreflightCheck Branch(string? current, string releaseBranch) => Branch(current, [new BranchRule(releaseBranch)]);

    /// <summary>Releases are cut from a branch that `branch:` lists (by name or glob), never from a detached HEAD.</summary>
    public static PreflightCheck Branch(string? current, IReadOnlyList<BranchRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var main = ReleaseBranch.Main(rules);
        var listed = rules.Count == 1 && !BranchPattern.IsGlob(rules[0].Pattern)
            ? $"the release branch {rules[0].Pattern}"
            : $"a release branch (branch: {ReleaseBranch.Describe(rules)})";
        return current switch
        {
            null => PreflightCheck.Fail("branch", "HEAD is detached, not on a branch", $"switch to the release branch: git switch {main}"),
            _ when ReleaseBranch.Match(rules, current) is { } branch => PreflightCheck.Pass("branch", branch.Pattern == branch.Name && branch.Line is null && branch.PrereleaseId is null
                ? $"on the release branch {branch.Name}"
                : $"on the release branch {branch}"),
            var b => PreflightCheck.Fail("branch", $"on branch {b}, not {listed}", $"git switch {main} (or add the branch to branch: in slipway.yml)"),
        };
    }

    /// <param name="changes">Uncommitted paths that are not the release's own (its leftovers and its half-done edits are set aside).</param>
    public static PreflightCheck Clean(IReadOnlyList<string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Count == 0
            ? PreflightCheck.Pass("clean", "the working tree is clean")
            : PreflightCheck.Fail("clean", $"{changes.Count} uncommitted change(s), e.g. {changes[0]}", "commit or stash them: git stash --include-untracked");
    }

    /// <summary>The remote and how HEAD stands against it.</summary>
    public static PreflightCheck Remote(RemoteFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (remote, branch) = (facts.Remote, facts.Branch);
        if (!facts.Exists)
        {
            return facts.Push
                ? PreflightCheck.Fail("remote", $"there is no remote named '{remote}'", $"add it with git remote add {remote} URL (or set remote: in slipway.yml)")
                : PreflightCheck.Pass("remote", $"there is no remote named '{remote}'; --no-push does not need one");
        }

        if (facts.FetchProblem is { } problem)
        {
            return PreflightCheck.Fail("remote", $"could not fetch from {remote}: {problem}", facts.FetchFix ?? "check the network and the remote URL");
        }

        if (!facts.UpstreamExists)
        {
            return PreflightCheck.Pass("remote", $"{remote}/{branch} does not exist yet; the release will create it");
        }

        if (!facts.HasCommits)
        {
            return PreflightCheck.Fail("remote", "there are no commits yet", "commit something first");
        }

        var seen = facts.Fetched ? "fetched just now" : "as of the last fetch";
        return facts.Behind > 0
            ? PreflightCheck.Fail("remote", $"{facts.Behind} commit(s) behind {remote}/{branch} ({seen})", $"git pull --rebase {remote} {branch}")
            : PreflightCheck.Pass("remote", facts.Ahead > 0
                ? $"{facts.Ahead} commit(s) ahead of {remote}/{branch}, which the release pushes ({seen})"
                : $"up to date with {remote}/{branch} ({seen})");
    }

    /// <param name="existing">The commit the plan's tag names here (after a fetch, when release fetched), or null when there is no such tag.</param>
    public static PreflightCheck Tag(ReleasePlan plan, string? existing)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.TagExistsAtHead)
        {
            return PreflightCheck.Pass("tag", $"{plan.NextTag} already exists on HEAD; the release resumes from it");
        }

        if (plan.Status == ReleaseStatus.NothingToRelease && plan.Bump.Kind == BumpKind.None)
        {
            return PreflightCheck.Pass("tag", "no new tag: the commits call for no release");
        }

        if (plan.Status == ReleaseStatus.OutOfRange)
        {
            return PreflightCheck.Pass("tag", $"no new tag: the version check refuses {plan.Next}");
        }

        if (existing is null && plan.Status == ReleaseStatus.VersionExists && plan.Refusal is var (message, fix))
        {
            // The same version under another of the configured prefixes (1.3.0 beside v1.3.0).
            return PreflightCheck.Fail("tag", message, fix);
        }

        return existing is null
            ? PreflightCheck.Pass("tag", $"{plan.NextTag} does not exist yet")
            : PreflightCheck.Fail("tag", $"tag {plan.NextTag} already exists on {existing[..Math.Min(7, existing.Length)]}, not on HEAD",
                "choose another version, or delete the tag if it was a mistake: git tag -d " + plan.NextTag);
    }

    /// <summary>
    /// The release's tag on the remote (the commit it names, null when the remote has none) must be HEAD's or absent: the push then
    /// finishes or has nothing to do. On another commit, someone released this version already.
    /// </summary>
    public static PreflightCheck RemoteTag(string tag, string remote, string? remoteCommit, string? head) =>
        remoteCommit is null || remoteCommit == head
            ? PreflightCheck.Pass("remote tag", remoteCommit is null ? $"{remote} has no tag {tag} yet" : $"{remote} has {tag} on HEAD already")
            : PreflightCheck.Fail("remote tag", $"tag {tag} already exists on {remote} on another commit ({remoteCommit[..Math.Min(7, remoteCommit.Length)]})",
                "someone released this version already: fetch, then release the next version");

    /// <summary>A release never goes back (the next version is higher than the current one) and stays on its maintenance line.</summary>
    public static PreflightCheck Version(ReleasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Status is ReleaseStatus.NotHigher or ReleaseStatus.OutOfRange && plan.Refusal is var (message, fix)
            ? PreflightCheck.Fail("version", message, fix)
            : PreflightCheck.Pass("version", plan.Current is { } current && !plan.TagExistsAtHead
                ? $"{plan.Next} is higher than the current {current.Version}"
                : $"{plan.Next} is the release");
    }

    /// <summary>Something to release: commits since the base (or the release already on HEAD).</summary>
    public static PreflightCheck Changes(ReleasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.NothingToRelease is { } nothing
            ? PreflightCheck.Fail("changes", $"nothing to release: {nothing}", "commit the changes to release first")
            : PreflightCheck.Pass("changes", plan.TagExistsAtHead ? $"{plan.NextTag} is already on HEAD" : $"{plan.Commits.Count} commit(s) to release");
    }

    /// <summary>
    /// Version tags under another prefix: with the default prefix and none of its own, the repository's versions are surely
    /// those (MinVer's `1.2.3`), and releasing 0.0.1 beside them would be wrong; otherwise they are named, not refused.
    /// </summary>
    public static PreflightCheck Prefix(IReadOnlyList<OtherPrefixTags> others, TagNaming naming, int ownTags, bool prefixConfigured, SemanticVersion? current)
    {
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(naming);
        var own = $"{ownTags} version tag(s) with the prefix {naming.Describe()}";
        if (others.Count == 0)
        {
            return PreflightCheck.Pass("prefix", own);
        }

        var first = others[0];
        var setting = $"tag: {{ prefix: [{string.Join(", ", naming.Prefixes.Select(p => p.Length == 0 ? "''" : p))}, {first.Quoted}] }}";
        if (ownTags == 0 && !prefixConfigured)
        {
            return PreflightCheck.Fail("prefix", $"no tag has the prefix {naming.Describe()}, but there are {first}",
                $"set tag: {{ prefix: {first.Quoted} }} in slipway.yml to read them (or {setting} to keep both)");
        }

        var higher = others.Where(o => current is null || o.Highest > current).ToList();
        return PreflightCheck.Pass("prefix", higher.Count == 0
            ? $"{own}; also {string.Join(", ", others)}, not read (tag.prefix)"
            : $"{own}; {string.Join(", ", higher)} not read, higher than the current version: {setting} in slipway.yml reads them");
    }
}

/// <summary>What the adapters found out about the remote for the `remote` check.</summary>
/// <param name="Exists">The remote is configured in the clone.</param>
/// <param name="Push">The release pushes (not --no-push).</param>
/// <param name="FetchProblem">Why the fetch failed, or null (not fetched, or fetched fine).</param>
/// <param name="UpstreamExists">The remote-tracking branch of the release branch exists.</param>
/// <param name="HasCommits">HEAD has a commit.</param>
/// <param name="Fetched">The facts come from a fetch made just now, not from the last one.</param>
public sealed record RemoteFacts(string Remote, string Branch, bool Exists, bool Push, string? FetchProblem = null, string? FetchFix = null,
    bool UpstreamExists = false, bool HasCommits = true, int Ahead = 0, int Behind = 0, bool Fetched = false);
