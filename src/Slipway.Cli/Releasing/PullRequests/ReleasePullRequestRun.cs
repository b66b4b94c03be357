using Slipway.Adapters.Files;
using Slipway.Adapters.Git;
using Slipway.Adapters.GitHub;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Output;
using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Releases;
using Slipway.Core.Releases.PullRequests;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing.PullRequests;

/// <summary>`ci release-pr`, in order: read the release branch's pull requests → plan as `slipway plan` does (with the PR's
/// `/slipway bump`) → decide (Core) → put the release commit on slipway/release-BRANCH (leased push) → open, update or close the
/// pull request. Every write is skipped when what it would write is already there. With packages: <see cref="PackagePullRequestRun"/>.</summary>
public static class ReleasePullRequestRun
{
    /// <summary>What the run did to one pull request, in one line for stdout (and the branch note, when it had to rebuild a branch changed by hand);
    /// <paramref name="Version"/> is the proposed version (a monorepo's: its tags), for the step outputs.</summary>
    public sealed record Outcome(string Line, string? BranchNote, ReleasePullRequestAction Action, string? Version, long? Number);

    /// <summary>The release commit a proposal calls for: its files (read only when the branch is to hold it), its message, and which trailer tags are releases.</summary>
    internal sealed record ReleaseCommitContent(Func<CancellationToken, Task<IReadOnlyList<(string Path, TextFile Content)>>> Files, string Message, Func<string, bool> IsReleaseTag);

    /// <returns>One outcome per release pull request: one, or with packages and release_pr.separate one per package.</returns>
    public static async Task<IReadOnlyList<Outcome>> RunAsync(Workspace repo, ReleaseRequest request, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(terminal);
        var config = repo.Config;
        var head = repo.State.Head ?? throw new SlipwayException(SlipwayError.Precondition("the repository has no commits", "commit something to release first"));
        using var http = Connect(repo, terminal);
        var github = new GitHubPulls(http, await TargetAsync(repo, cancellationToken).ConfigureAwait(false));
        if (config.Packages.Count > 0)
        {
            return await PackagePullRequestRun.RunAsync(repo, request, github, head, cancellationToken).ConfigureAwait(false);
        }

        var branchName = ReleasePullRequestPlanner.BranchFor(config.Branch);
        var pulls = await PullsAsync(github, branchName, cancellationToken).ConfigureAwait(false);
        if (await WaitingReleaseAsync(repo, cancellationToken).ConfigureAwait(false) is { } waiting)
        {
            return [Waiting(waiting)];
        }

        var open = pulls.Where(p => p.Open).OrderByDescending(p => p.Number).FirstOrDefault();
        if (ReleasePullRequestBody.BumpOverride(open?.Body) is { } bump)
        {
            request = request with { Bump = bump, Auto = false };
        }

        var plan = await ReleasePlanning.PlanAsync(repo, request, cancellationToken).ConfigureAwait(false);
        if (plan.Status is ReleaseStatus.VersionExists or ReleaseStatus.NotHigher && plan.Refusal is var (message, fix))
        {
            throw new SlipwayException(SlipwayError.Precondition(message, fix));
        }

        var proposal = plan.Status == ReleaseStatus.Ready ? new ReleaseProposal(plan.NextTag, plan.Changelog, head) : null;
        var content = new ReleaseCommitContent(ct => FilesAsync(repo, plan, ct), ReleaseTrailer.Message(plan.NextTag), tag => repo.Naming.TryParse(tag, out _));
        return [await ProposeAsync(repo, github, branchName, pulls, proposal, content, proposal is null ? null : plan.Next.ToString(), cancellationToken).ConfigureAwait(false)];
    }

    /// <summary>The outcome when a merged release pull request waits for `slipway ci release` to tag it: proposing now would propose it again.</summary>
    internal static Outcome Waiting(string tags)
    {
        var line = $"{tags} is merged but not tagged yet: `slipway ci release` tags it; nothing to propose";
        return new Outcome(line, null, new ReleasePullRequestAction(ReleasePullRequestChange.Nothing, line), null, null);
    }

    private static GitHubHttp Connect(Workspace repo, Terminal terminal) =>
        new(GitHubConnection.FromEnvironment(repo.Environment, GitHubPulls.Permission)) { Trace = terminal.Detail };

    private static async Task<GitHubRepositoryName> TargetAsync(Workspace repo, CancellationToken cancellationToken) =>
        GitHubTarget.Resolve(repo.Environment, repo.Config.Release.GitHub?.Repo, repo.Config.Remote,
            await repo.Git.RemoteUrlAsync(repo.Config.Remote, cancellationToken).ConfigureAwait(false));

    /// <summary>The pull requests from a release branch, any state, as the decisions see them.</summary>
    internal static async Task<IReadOnlyList<PullRequestSnapshot>> PullsAsync(GitHubPulls github, string branchName, CancellationToken cancellationToken) =>
        [.. (await github.FromBranchAsync(branchName, cancellationToken).ConfigureAwait(false))
            .Select(p => new PullRequestSnapshot(p.Number, p.Title, p.Body, [.. p.Labels.Select(l => l.Name)], p.State == "open", p.MergedAt is not null))];

    /// <summary>One release pull request brought to the proposal (null: nothing to release): decide (Core) → put the release commit on its
    /// branch (leased push) or delete the branch → open, update or close the pull request. Every write is skipped when what it would write is already there.</summary>
    internal static async Task<Outcome> ProposeAsync(Workspace repo, GitHubPulls github, string branchName, IReadOnlyList<PullRequestSnapshot> pulls,
        ReleaseProposal? proposal, ReleaseCommitContent content, string? version, CancellationToken cancellationToken)
    {
        var releasable = ReleasePullRequestPlanner.ClosedByHand(pulls) is not { } closed || ReleasePullRequestBody.Marker(closed.Body)?.Base is not { Length: > 0 } closedBase
            || await ReleasableSinceAsync(repo, closedBase, cancellationToken).ConfigureAwait(false);
        var action = ReleasePullRequestPlanner.Decide(proposal, pulls, releasable);
        var branch = new ReleasePullRequestBranch(repo.State.TopLevel, repo.Config.Remote, branchName);
        string? note = null;
        if (action.KeepBranch)
        {
            note = await PutReleaseCommitAsync(await content.Files(cancellationToken).ConfigureAwait(false), content, branch, proposal!.Base, cancellationToken).ConfigureAwait(false);
        }
        else if (action.Change != ReleasePullRequestChange.StayClosed)
        {
            if (action.Change == ReleasePullRequestChange.Close)
            {
                await github.UpdateAsync(action.Number!.Value, new PullFields { State = "closed", Body = action.Body }, cancellationToken).ConfigureAwait(false);
            }

            // Deleted after the pull request is closed: deleting first, GitHub would close it on its own, without the withdrawn mark.
            if (await branch.ReadAsync(cancellationToken).ConfigureAwait(false) is { } stale)
            {
                await branch.DeleteAsync(stale.Sha, cancellationToken).ConfigureAwait(false);
            }
        }

        var (result, number) = await ApplyAsync(github, action, proposal?.Tag, branchName, repo.Config.Branch, cancellationToken).ConfigureAwait(false);
        return new Outcome(result, note, action, version, number);
    }

    /// <summary>changelog.file and bump_files as the release commit has them.</summary>
    private static async Task<IReadOnlyList<(string Path, TextFile Content)>> FilesAsync(Workspace repo, ReleasePlan plan, CancellationToken cancellationToken)
    {
        var read = ReleaseFiles.Head(repo);
        var files = new List<(string, TextFile)>();
        if (await ReleaseFiles.ChangelogAsync(repo, plan, read, cancellationToken).ConfigureAwait(false) is { } changelog)
        {
            files.Add((changelog.Path, changelog.Content));
        }

        files.AddRange((await ReleaseFiles.BumpsAsync(repo, plan, read, cancellationToken).ConfigureAwait(false)).Select(c => (c.Path, c.Content)));
        return files;
    }

    /// <summary>Builds the release commit on HEAD (its files, the trailer) and pushes it when the branch does not hold it; says so when the branch was changed by hand.</summary>
    private static async Task<string?> PutReleaseCommitAsync(IReadOnlyList<(string Path, TextFile Content)> files, ReleaseCommitContent content, ReleasePullRequestBranch branch, string head,
        CancellationToken cancellationToken)
    {
        var tip = await branch.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (commit, tree) = await branch.BuildAsync(head, files, content.Message, cancellationToken).ConfigureAwait(false);
        var status = ReleaseBranchState.Decide(tip, head, tree, content.Message, content.IsReleaseTag);
        if (status == ReleaseBranchStatus.Current)
        {
            return null;
        }

        await branch.PushAsync(commit, tip?.Sha, cancellationToken).ConfigureAwait(false);
        return status == ReleaseBranchStatus.ChangedByHand
            ? $"{branch.Name} was changed by hand ({tip!.Sha[..7]} is not the release commit slipway makes); rebuilt it on {head[..7]}"
            : null;
    }

    private static async Task<(string Line, long? Number)> ApplyAsync(GitHubPulls github, ReleasePullRequestAction action, string? tag, string branchName, string baseBranch, CancellationToken cancellationToken)
    {
        switch (action.Change)
        {
            case ReleasePullRequestChange.Create:
                var created = await github.CreateAsync(new PullFields { Title = action.Title, Body = action.Body, Head = branchName, Base = baseBranch }, cancellationToken).ConfigureAwait(false);
                await github.AddLabelsAsync(created.Number, action.AddLabels, cancellationToken).ConfigureAwait(false);
                return ($"opened #{created.Number}: {action.Title} ({created.HtmlUrl})", created.Number);
            case ReleasePullRequestChange.Update:
                var number = action.Number!.Value;
                if (action.Title is not null || action.Body is not null)
                {
                    await github.UpdateAsync(number, new PullFields { Title = action.Title, Body = action.Body }, cancellationToken).ConfigureAwait(false);
                }

                if (action.AddLabels.Count > 0)
                {
                    await github.AddLabelsAsync(number, action.AddLabels, cancellationToken).ConfigureAwait(false);
                }

                return ($"updated #{number}: it proposes {tag}", number);
            case ReleasePullRequestChange.Close:
                return ($"closed #{action.Number}: {action.Reason}", action.Number);
            default:
                return (action.Reason, action.Number);
        }
    }

    /// <summary>Whether the commits since <paramref name="since"/> call for a release by themselves (as `plan` decides a bump): a person's
    /// closing of the pull request holds until they do. A commit no longer on the branch (main was rewritten) counts as new.</summary>
    private static async Task<bool> ReleasableSinceAsync(Workspace repo, string since, CancellationToken cancellationToken)
    {
        try
        {
            if (!await repo.Git.IsAncestorAsync(since, "HEAD", cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        catch (SlipwayException)
        {
            return true;
        }

        var commits = new List<Commit>();
        await foreach (var commit in repo.LogAsync(since, "HEAD", includeMerges: true, cancellationToken).ConfigureAwait(false))
        {
            commits.Add(commit);
        }

        var versioning = repo.Config.Versioning;
        if (commits.Count == 0 || versioning.Bump != BumpStrategy.Conventional || BumpPreset.Named(versioning.Preset, versioning.Rules, versioning.PreMajor) is not { } preset)
        {
            return commits.Count > 0; // bump by hand (patch by default): any commit is releasable
        }

        var decision = ConventionalBump.Decide(commits, preset, null, repo.BeforeHead.LatestStable?.Version ?? versioning.Initial);
        return decision.Kind != BumpKind.None || decision.Version is not null;
    }

    /// <summary>The tag of a merged release commit since the last version tag that is not tagged yet, or null.</summary>
    private static async Task<string?> WaitingReleaseAsync(Workspace repo, CancellationToken cancellationToken)
    {
        var commits = new List<Commit>();
        await foreach (var commit in repo.LogAsync(repo.Line.Latest?.Commit, "HEAD", includeMerges: false, cancellationToken).ConfigureAwait(false))
        {
            commits.Add(commit);
        }

        var found = MergedRelease.Find(commits, repo.VersionTags, repo.Naming);
        return found is { } f && !repo.VersionTags.Any(t => t.Name == f.Tag) ? f.Tag : null;
    }
}
