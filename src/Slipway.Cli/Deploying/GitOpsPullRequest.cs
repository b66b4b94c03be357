using Slipway.Adapters.GitHub;
using Slipway.Adapters.GitOps;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.GitOps;

namespace Slipway.Cli.Deploying;

/// <summary>
/// `via: pull_request`: the same commit as a push would land (message and trailers), put on slipway/deploy-ENV-VERSION of the
/// GitOps repository and proposed to its branch as a GitHub pull request. The change runs once a person merges it. A pull
/// request already open from that branch is found and left as it is: a re-run opens no second one.
/// </summary>
public sealed class GitOpsPullRequest(DeploymentContext context, Action<string> progress)
{
    /// <summary>Resolved before anything is written: the GitHub repository and the token (a usage error stops the deployment, blocked).</summary>
    public (GitHubConnection Connection, GitHubRepositoryName Repository) Target(GitOpsTarget target, string? url)
    {
        ArgumentNullException.ThrowIfNull(target);
        var connection = GitHubConnection.FromEnvironment(context.Variables, GitHubPulls.Permission);
        if (target.GitHub is { } configured && GitHubRepositoryName.TryParse(configured, out var named))
        {
            return (connection, named);
        }

        if (target.Repo == GitOpsTarget.ThisRepository)
        {
            return (connection, GitHubTarget.Resolve(context.Variables, context.Config.Release.GitHub?.Repo, context.Config.Remote, url));
        }

        return GitHubRepositoryName.TryFromRemoteUrl(target.Repo, out var fromUrl)
            ? (connection, fromUrl)
            : throw new SlipwayException(SlipwayError.Usage($"gitops: {target.Repo} does not name a GitHub repository for via: pull_request",
                "set gitops.github: owner/name in slipway.yml"));
    }

    /// <summary>Finds the open pull request from the deploy branch, or pushes the commit there (leased) and opens one.</summary>
    public async Task<GitOpsOutcome> OpenAsync(GitOpsRepository repository, GitOpsTarget target, DeploymentEnvironment env, DeploymentRecord attempt, CommandValues values,
        (GitHubConnection Connection, GitHubRepositoryName Repository) github, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(attempt);
        var branch = GitOpsTarget.PullRequestBranch(env.Name, values.Version);
        var tip = await repository.FetchAsync(target.Branch, cancellationToken).ConfigureAwait(false)
            ?? throw new SlipwayException(SlipwayError.Precondition($"gitops: {target.Repo} has no branch {target.Branch}", "create it, or fix gitops.branch in slipway.yml"));
        var file = await repository.ReadAsync(tip, target.File, cancellationToken).ConfigureAwait(false)
            ?? throw new SlipwayException(SlipwayError.Usage($"gitops: {target.File} is not on {target.Branch} of {target.Repo}", "fix gitops.file in slipway.yml, or add the file"));
        var text = GitOpsFileEditor.Apply(target, file.Text, values);
        if (text == file.Text)
        {
            var note = $"gitops: {target.File} on {target.Branch} of {target.Repo} already has {values.Tag}: no pull request needed";
            progress(note);
            return new GitOpsOutcome(true, null, null, note);
        }

        using var http = new GitHubHttp(github.Connection);
        var pulls = new GitHubPulls(http, github.Repository);
        var open = (await pulls.FromBranchAsync(branch, cancellationToken).ConfigureAwait(false)).FirstOrDefault(p => p.State == "open");
        if (open is not null)
        {
            var found = $"pull request #{open.Number} already open: {open.HtmlUrl}";
            progress($"gitops: {found}");
            return new GitOpsOutcome(true, null, null, found, $"proposed {values.Version} for {env.Name}: {found} (it deploys when merged)");
        }

        var message = GitOpsCommit.Message(env.Name, values.Version, attempt.Action, attempt.Id, target);
        var built = await repository.CommitAsync(tip, target.File, file with { Text = text }, message, cancellationToken).ConfigureAwait(false);
        var title = message[..message.IndexOf('\n', StringComparison.Ordinal)];
        progress($"gitops: pushing {built[..7]} ({title}) to {branch} of {target.Repo}");
        // Leased on what the branch holds now (a closed pull request's old branch is replaced; another run's push in between is not).
        var expected = await repository.RemoteTipAsync(branch, cancellationToken).ConfigureAwait(false);
        if (!await repository.PushAsync(built, branch, expected, cancellationToken).ConfigureAwait(false))
        {
            return new GitOpsOutcome(false, $"gitops: {branch} of {target.Repo} moved while it was pushed (another deploy of {values.Version} to {env.Name}?)", null, null);
        }

        var body = $"{message[(title.Length + 2)..]}\nMerging this pull request deploys {values.Version} to {env.Name} (opened by `slipway deploy`).\n";
        var pull = await pulls.CreateAsync(new PullFields { Title = title, Body = body, Head = branch, Base = target.Branch }, cancellationToken).ConfigureAwait(false);
        var opened = $"pull request #{pull.Number} opened: {pull.HtmlUrl}";
        progress($"gitops: {opened}");
        return new GitOpsOutcome(true, null, null, opened, $"proposed {values.Version} for {env.Name}: {opened} (it deploys when merged)");
    }
}
