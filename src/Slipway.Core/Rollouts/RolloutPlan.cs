using System.Globalization;

namespace Slipway.Core.Rollouts;

/// <summary>
/// The values of each step of a canary rollout from the stable version to the new one: below 100 the stable Deployment keeps
/// the stable image and the canary Deployment runs the new one at the step's weight; 100 promotes (the stable Deployment takes
/// the new image, the canary goes back to 0); a failed analysis sets the canary back to 0 under the stable image.
/// Kind-agnostic: each kind writes the stable Deployment's image its own way (<see cref="RolloutValues"/>).
/// </summary>
public sealed record RolloutPlan(Rollout Rollout, CanaryImage Stable, CanaryImage Canary)
{
    /// <summary>The values of step <paramref name="index"/> (0-based).</summary>
    public RolloutValues Step(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var weight = Rollout.Steps[index].Weight;
        return weight >= 100 ? Promotion() : new RolloutValues(Stable, [.. CanaryAt(weight)]);
    }

    /// <summary>The whole fleet on the new version, the canary Deployment at 0.</summary>
    public RolloutValues Promotion() => new(Canary, [new HelmValue(Rollout.Values.WeightKey, "0", false)]);

    /// <summary>After a failed analysis (or a cancelled rollout): the stable version everywhere, the canary Deployment at 0.</summary>
    public RolloutValues Abort() => new(Stable, [.. CanaryAt(0)]);

    private IEnumerable<HelmValue> CanaryAt(int weight)
    {
        yield return new HelmValue(Rollout.Values.WeightKey, weight.ToString(CultureInfo.InvariantCulture), false);
        yield return new HelmValue(Rollout.Values.ImageKey, Canary.Tag, false);
        if (Canary.Digest is { } digest)
        {
            yield return new HelmValue(Rollout.Values.DigestKey, digest, true);
        }
    }
}

/// <summary>An image a rollout deploys: the version's tag and, when known, its digest.</summary>
public sealed record CanaryImage(string Version, string Tag, string? Digest);
