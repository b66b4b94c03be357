using Slipway.Adapters.Files;
using Slipway.Adapters.GitOps;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.GitOps;
using Slipway.Core.Security;

namespace Slipway.Cli.Deploying;

/// <summary>What a GitOps attempt did: whether the version runs, what went wrong, and the commit it pushed; with via: pull_request,
/// the line that says which pull request proposes it (the version runs once it is merged).</summary>
public sealed record GitOpsOutcome(bool Ok, string? Problem, string? Commit, string? Note, string? Proposal = null);

/// <summary>
/// Deploys a `kind: gitops` environment: the version written into the GitOps file (or the failed change reverted), committed
/// and pushed with compare-and-swap (another writer: fetch, apply again, retry), then, with argocd:, Argo CD asked until the
/// application is synced to that commit and healthy. Everything that can refuse (the file, the path to set, the token) is
/// checked before the push: those throw (usage or precondition) and nothing is written.
/// </summary>
public sealed class GitOpsDeploy(DeploymentContext context, Action<string> progress)
{
    /// <summary>How many times a push that lost to another writer is tried again.</summary>
    public const int MaxPushes = 5;

    /// <param name="revert">The commit of the failed change to revert (an automatic rollback), with its version; null to write <paramref name="values"/>.</param>
    public async Task<GitOpsOutcome> RunAsync(DeploymentEnvironment env, DeploymentRecord attempt, CommandValues values, (string Commit, string Version)? revert,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(attempt);
        var target = env.GitOps!;
        if (target.Via == GitOpsVia.PullRequest)
        {
            // The repository and the token are resolved before anything is written (a refusal there is blocked).
            var proposal = new GitOpsPullRequest(context, progress);
            var from = await UrlAsync(target, cancellationToken).ConfigureAwait(false);
            var github = proposal.Target(target, from);
            using var proposed = await GitOpsRepository.OpenAsync(from, await AuthorAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return await proposal.OpenAsync(proposed, target, env, attempt, values, github, cancellationToken).ConfigureAwait(false);
        }

        return await WriteAsync(target, (repository, text) => revert is { } r
                ? RevertAsync(repository, target, env.Name, text, r, values, attempt.Id, cancellationToken)
                : Task.FromResult((GitOpsFileEditor.Apply(target, text, values), GitOpsCommit.Message(env.Name, values.Version, attempt.Action, attempt.Id, target))),
            $"already has {values.Tag}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One change of the GitOps file (<paramref name="change"/> gives the new text and the commit message from the text on the
    /// branch's tip), pushed with compare-and-swap (another writer: fetch, apply again, retry), then, with argocd:, waited for
    /// until the application is synced to it and healthy. A deployment writes one; a canary rollout one per step.
    /// </summary>
    /// <param name="unchanged">What the file already holds when the change leaves it as it is, for the progress line.</param>
    public async Task<GitOpsOutcome> WriteAsync(GitOpsTarget target, Func<GitOpsRepository, string, Task<(string Text, string Message)>> change, string unchanged,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(change);
        using var argo = ArgoCd(target);
        if (argo is not null)
        {
            // A refused token or an unknown application stops the deployment before anything is written.
            await argo.GetAsync(target.ArgoCd!.Application, cancellationToken).ConfigureAwait(false);
        }

        var url = await UrlAsync(target, cancellationToken).ConfigureAwait(false);
        using var repository = await GitOpsRepository.OpenAsync(url, await AuthorAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        string? commit = null;
        for (var push = 1; commit is null; push++)
        {
            var tip = await repository.FetchAsync(target.Branch, cancellationToken).ConfigureAwait(false)
                ?? throw new SlipwayException(SlipwayError.Precondition($"gitops: {target.Repo} has no branch {target.Branch}", "create it, or fix gitops.branch in slipway.yml"));
            var file = await repository.ReadAsync(tip, target.File, cancellationToken).ConfigureAwait(false)
                ?? throw new SlipwayException(SlipwayError.Usage($"gitops: {target.File} is not on {target.Branch} of {target.Repo}", "fix gitops.file in slipway.yml, or add the file"));
            var (text, message) = await change(repository, file.Text).ConfigureAwait(false);
            if (text == file.Text)
            {
                progress($"gitops: {target.File} on {target.Branch} {unchanged}: nothing to commit");
                commit = tip;
                break;
            }

            var built = await repository.CommitAsync(tip, target.File, file with { Text = text }, message, cancellationToken).ConfigureAwait(false);
            progress($"gitops: pushing {built[..7]} ({message[..message.IndexOf('\n', StringComparison.Ordinal)]}) to {target.Branch} of {target.Repo}");
            if (await repository.PushAsync(built, target.Branch, tip, cancellationToken).ConfigureAwait(false))
            {
                commit = built;
            }
            else if (push >= MaxPushes)
            {
                return new GitOpsOutcome(false, $"gitops: {target.Branch} of {target.Repo} kept moving under other writers ({MaxPushes} pushes refused)", null, null);
            }
            else
            {
                progress($"gitops: {target.Branch} moved meanwhile (another writer): fetching and applying again");
            }
        }

        var note = $"gitops: {commit[..7]} on {target.Branch} of {target.Repo}";
        if (argo is null)
        {
            return new GitOpsOutcome(true, null, commit, note);
        }

        try
        {
            return await WaitAsync(argo, target.ArgoCd!, commit, note, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException e) when (e.Error.Code != ExitCode.Usage)
        {
            return new GitOpsOutcome(false, e.Error.Message, commit, note);
        }
    }

    /// <summary>Asks Argo CD every interval until the application is synced to the commit and Healthy, Degraded, or the timeout passes.</summary>
    private async Task<GitOpsOutcome> WaitAsync(ArgoCdClient argo, ArgoCdWait wait, string commit, string note, CancellationToken cancellationToken)
    {
        progress($"argocd: waiting up to {wait.Timeout.TotalSeconds:0.###}s for {wait.Application} to be Synced at {commit[..7]} and Healthy");
        var deadline = context.Clock.Now + wait.Timeout;
        while (true)
        {
            var app = await argo.GetAsync(wait.Application, cancellationToken).ConfigureAwait(false);
            var said = ArgoCdVerdict.Describe(app.SyncStatus, app.Revision, app.Health, app.Message);
            switch (ArgoCdVerdict.Of(commit, app.SyncStatus, app.Revision, app.Health))
            {
                case ArgoCdState.Ready:
                    return new GitOpsOutcome(true, null, commit, $"{note}; argocd: {wait.Application} {said}");
                case ArgoCdState.Failed:
                    return new GitOpsOutcome(false, $"argocd: {wait.Application} {said}", commit, note);
            }

            if (context.Clock.Now + wait.Interval > deadline)
            {
                return new GitOpsOutcome(false, $"argocd: {wait.Application} was not Synced at {commit[..7]} and Healthy within {wait.Timeout.TotalSeconds:0.###}s ({said})", commit, note);
            }

            await Task.Delay(wait.Interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The revert of the failed change on the current tip; where the file moved on since, the version is written instead.</summary>
    private static async Task<(string Text, string Message)> RevertAsync(GitOpsRepository repository, GitOpsTarget target, string environment, string current,
        (string Commit, string Version) failed, CommandValues values, string id, CancellationToken cancellationToken)
    {
        var message = GitOpsCommit.Revert(environment, failed.Version, failed.Commit, values.Version, id);
        var after = await repository.ReadAsync(failed.Commit, target.File, cancellationToken).ConfigureAwait(false);
        var parent = await repository.ParentAsync(failed.Commit, cancellationToken).ConfigureAwait(false);
        var before = parent is null ? null : await repository.ReadAsync(parent, target.File, cancellationToken).ConfigureAwait(false);
        var reverted = after is null || before is null ? null : GitOpsFileEditor.Revert(target, current, before.Text, after.Text);
        return (reverted ?? GitOpsFileEditor.Apply(target, current, values), message);
    }

    private ArgoCdClient? ArgoCd(GitOpsTarget target)
    {
        if (target.ArgoCd is not { } wait)
        {
            return null;
        }

        var token = context.Variables(wait.TokenEnv);
        return string.IsNullOrEmpty(token)
            ? throw new SlipwayException(SlipwayError.Precondition($"argocd: {wait.TokenEnv} is not set", $"set {wait.TokenEnv} to an Argo CD token that may read the application {wait.Application}"))
            : new ArgoCdClient(wait.Url, new Secret(token), wait.TokenEnv);
    }

    /// <summary>The repository to fetch: this repository's remote for `.`, a local folder relative to the repository root, or the URL.</summary>
    private async Task<string> UrlAsync(GitOpsTarget target, CancellationToken cancellationToken)
    {
        if (target.Repo == GitOpsTarget.ThisRepository)
        {
            return await context.Git.RemoteUrlAsync(context.Config.Remote, cancellationToken).ConfigureAwait(false)
                ?? throw new SlipwayException(SlipwayError.Precondition($"gitops: repo: . is this repository's remote '{context.Config.Remote}', which is not set",
                    $"git remote add {context.Config.Remote} URL, or give gitops.repo a URL"));
        }

        return !target.Repo.Contains("://", StringComparison.Ordinal) && FilePresence.IsFolder(context.Root, target.Repo)
            ? Path.GetFullPath(Path.Combine(context.Root, target.Repo))
            : target.Repo;
    }

    /// <summary>The git user of this clone, or slipway (CI checkouts have none).</summary>
    private async Task<(string Name, string Email)> AuthorAsync(CancellationToken cancellationToken)
    {
        var name = await context.Git.ConfigValueAsync("user.name", cancellationToken).ConfigureAwait(false);
        var email = await context.Git.ConfigValueAsync("user.email", cancellationToken).ConfigureAwait(false);
        return name is { Length: > 0 } && email is { Length: > 0 } ? (name, email) : ("slipway", "slipway@localhost");
    }
}
