using Slipway.Core.Rollouts;

namespace Slipway.Cli.Deploying;

/// <summary>How a canary rollout's values reach an environment: a helm upgrade (kind: helm) or a GitOps commit (kind: gitops).</summary>
internal interface ICanaryTarget
{
    /// <summary>Sets the move's values; Ok once the environment runs them (helm waited, Argo CD synced), else what went wrong.</summary>
    /// <param name="label">What the move is, for the progress line ("canary step 1/3 at 10%").</param>
    /// <param name="stage">Told the stage the move is in (helm, gitops), for what a Ctrl-C records.</param>
    Task<CanaryApplied> ApplyAsync(RolloutMove move, string label, Action<string> stage, CancellationToken cancellationToken);
}

/// <summary>One move of a rollout: a step's values (the last one the promotion), or the abort after the step <see cref="At"/>.</summary>
/// <param name="Why">For the abort: why the canary stops.</param>
internal sealed record RolloutMove(RolloutProgress At, RolloutValues Values, bool Abort, string? Why = null);

/// <summary>What a move did: applied, or the problem; <see cref="Note"/> is what the record keeps (a GitOps commit).</summary>
internal sealed record CanaryApplied(bool Ok, string? Problem, string? Note = null);
