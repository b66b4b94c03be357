using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.GitOps;
using Slipway.Core.Rollouts;

namespace Slipway.Cli.Deploying;

/// <summary>
/// kind: gitops's canary moves: each a commit of the values file (the stable image as set: writes it, the canary's weight and
/// image keys), pushed with compare-and-swap and, with argocd:, waited for until synced at that commit and healthy.
/// </summary>
internal sealed class GitOpsCanaryTarget(DeploymentContext context, Action<string> progress, DeploymentEnvironment env, RolloutPlan plan, string recordId)
    : ICanaryTarget
{
    private bool _pushed;

    public async Task<CanaryApplied> ApplyAsync(RolloutMove move, string label, Action<string> stage, CancellationToken cancellationToken)
    {
        var target = env.GitOps!;
        progress($"{label}: a commit to {target.File} on {target.Branch} of {target.Repo}");
        stage("gitops");
        GitOpsOutcome outcome;
        try
        {
            outcome = await new GitOpsDeploy(context, progress).WriteAsync(target, (_, text) => Task.FromResult((
                    GitOpsFileEditor.Apply(target, text, move.Values, plan.Rollout.Values, env.Name),
                    GitOpsCommit.Canary(env.Name, plan, move.At, move.Values, move.Abort, recordId, target, move.Why))),
                "already has these values", cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException e) when (_pushed || e.Error.Code == ExitCode.Failed)
        {
            // Before the first push a refusal (the file, a key, Argo CD's token) goes up: nothing was written, the attempt is blocked.
            return new CanaryApplied(false, e.Error.Message);
        }

        _pushed |= outcome.Commit is not null;
        return outcome.Ok ? new CanaryApplied(true, null, outcome.Note) : new CanaryApplied(false, outcome.Problem, outcome.Note);
    }
}
