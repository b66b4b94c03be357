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
/// pull request. Every write is skipped when what it would write is already there.</summary>
public static class ReleasePullRequestRun
{
    /// <summary>What the run did, in one line for stdout (and the branch note, when it had to rebuild a branch changed by hand).</summary>
    public sealed record Outcome(string Line, string? BranchNote, ReleasePullRequestAction Action, string? Tag, long? Number);

    public static async Task<Outcome> RunAsync(Workspace repo, ReleaseRequest request, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(terminal);
        var config = repo.Config;
        var head = repo.State.Head ?? throw new SlipwayException(SlipwayError.Precondition("the repository has no commits", "commit something to release first"));
        var branchName = ReleasePullRequestPlanner.BranchFor(config.Branch);

        var connection = GitHubConnection.FromEnvironment(repo.Environment, GitHubPulls.Permission);
        var target = GitHubTarget.Resolve(repo.Environment, config.Release.GitHub?.Repo, config.Remote,
            await repo.Git.RemoteUrlAsync(config.Remote, cancellationToken).ConfigureAwait(false));
        using var http = new GitHubHttp(connection) { Trace = terminal.Detail };
        var github = new GitHubPulls(http, target);
        var pulls = (await github.FromBranchAsync(branchName, cancellationToken).ConfigureAwait(false))
            .Select(p => new PullRequestSnapshot(p.Number, p.Title, p.Body, [.. p.Labels.Select(l => l.Name)], p.State == "open", p.MergedAt is not null)).ToList();

        if (await WaitingReleaseAsync(repo, cancellationToken).ConfigureAwait(false) is { } waiting)
        {
            // The merge of the release pull request is on the branch but not tagged yet: proposing now would propose it again.
            var line = $"{waiting} is merged but not tagged yet: `slipway ci release` tags it; nothing to propose";
            return new Outcome(line, null, new ReleasePullRequestAction(ReleasePullRequestChange.Nothing, line), null, null);
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
        var releasable = ReleasePullRequestPlanner.ClosedByHand(pulls) is not { } closed || ReleasePullRequestBody.Marker(closed.Body)?.Base is not { Length: > 0 } closedBase
            || await ReleasableSinceAsync(repo, closedBase, cancellationToken).ConfigureAwait(false);
        var action = ReleasePullRequestPlanner.Decide(proposal, pulls, releasable);
        var branch = new ReleasePullRequestBranch(repo.State.TopLevel, config.Remote, branchName);
        string? note = null;
        if (action.KeepBranch)
        {
            note = await PutReleaseCommitAsync(repo, plan, branch, head, cancellationToken).ConfigureAwait(false);
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

        var (result, number) = await ApplyAsync(github, action, proposal?.Tag, branchName, config.Branch, cancellationToken).ConfigureAwait(false);
        return new Outcome(result, note, action, proposal?.Tag, number);
    }

    /// <summary>Builds the release commit on HEAD (changelog.file, bump_files, the trailer) and pushes it when the branch does not hold it; says so when the branch was changed by hand.</summary>
    private static async Task<string?> PutReleaseCommitAsync(Workspace repo, ReleasePlan plan, ReleasePullRequestBranch branch, string head, CancellationToken cancellationToken)
    {
        var read = ReleaseFiles.Head(repo);
        var files = new List<(string, TextFile)>();
        if (await ReleaseFiles.ChangelogAsync(repo, plan, read, cancellationToken).ConfigureAwait(false) is { } changelog)
        {
            files.Add((changelog.Path, changelog.Content));
        }

        files.AddRange((await ReleaseFiles.BumpsAsync(repo, plan, read, cancellationToken).ConfigureAwait(false)).Select(c => (c.Path, c.Content)));
        var message = ReleaseTrailer.Message(plan.NextTag);
        var tip = await branch.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (commit, tree) = await branch.BuildAsync(head, files, message, cancellationToken).ConfigureAwait(false);
        var status = ReleaseBranchState.Decide(tip, head, tree, message, repo.Naming);
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
