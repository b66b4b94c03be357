namespace Slipway.Core.Rollouts;

/// <summary>
/// What one move of a canary rollout sets: the image the stable Deployment runs (written as the kind writes a version: helm's
/// image_key and digest_key, a GitOps file's set:) and the canary's own values (weight, image tag, digest).
/// </summary>
public sealed record RolloutValues(CanaryImage Stable, IReadOnlyList<HelmValue> Canary)
{
    /// <summary>As chart values: the stable image under the chart's image and digest keys (the tag first), then the canary's.</summary>
    public IReadOnlyList<HelmValue> Chart(string imageKey, string digestKey)
    {
        var image = new List<HelmValue> { new(imageKey, Stable.Tag, false) };
        if (Stable.Digest is { } digest)
        {
            image.Add(new HelmValue(digestKey, digest, true));
        }

        return [.. image, .. Canary];
    }
}
