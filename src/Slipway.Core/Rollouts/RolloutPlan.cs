using System.Globalization;

namespace Slipway.Core.Rollouts;

/// <summary>
/// The chart values of each step of a canary rollout from the stable version to the new one: below 100 the stable Deployment
/// keeps the stable image and the canary Deployment runs the new one at the step's weight; 100 promotes (the stable Deployment
/// takes the new image, the canary goes back to 0); a failed analysis sets the canary back to 0 under the stable image.
/// The values are kind-agnostic: `kind: helm` passes them as --set, another kind can write them into a values file.
/// </summary>
/// <param name="ImageKey">The chart's image key (helm.image_key) and digest key, which the stable Deployment reads.</param>
public sealed record RolloutPlan(Rollout Rollout, string ImageKey, string DigestKey, CanaryImage Stable, CanaryImage Canary)
{
    /// <summary>The values of step <paramref name="index"/> (0-based).</summary>
    public IReadOnlyList<HelmValue> Step(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var weight = Rollout.Steps[index].Weight;
        return weight >= 100 ? Promotion() : [.. Image(Stable), .. CanaryAt(weight)];
    }

    /// <summary>The whole fleet on the new version, the canary Deployment at 0.</summary>
    public IReadOnlyList<HelmValue> Promotion() => [.. Image(Canary), new HelmValue(Rollout.Values.WeightKey, "0", false)];

    /// <summary>After a failed analysis: the stable version everywhere, the canary Deployment at 0.</summary>
    public IReadOnlyList<HelmValue> Abort() => [.. Image(Stable), .. CanaryAt(0)];

    /// <summary>The image values for what the stable Deployment runs (chart's own image key); the first is the tag.</summary>
    private IEnumerable<HelmValue> Image(CanaryImage image)
    {
        yield return new HelmValue(ImageKey, image.Tag, false);
        if (image.Digest is { } digest)
        {
            yield return new HelmValue(DigestKey, digest, true);
        }
    }

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
