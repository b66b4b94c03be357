namespace Slipway.Core.Rollouts;

/// <summary>Where a canary rollout is: step <see cref="Step"/> of <see cref="Steps"/> (1-based), at <see cref="Weight"/> percent.</summary>
public sealed record RolloutProgress(int Step, int Steps, int Weight)
{
    /// <summary>"canary step 2/3 at 50%": how `status` and `history` show it.</summary>
    public string Text() => Weight >= 100 ? $"canary step {Step}/{Steps}: promoting to 100%" : $"canary step {Step}/{Steps} at {Weight}%";

    /// <summary>The progress of each step of a rollout, in order.</summary>
    public static IReadOnlyList<RolloutProgress> Of(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return [.. rollout.Steps.Select((s, i) => new RolloutProgress(i + 1, rollout.Steps.Count, s.Weight))];
    }
}
