namespace Slipway.Core.Deployments;

/// <summary>What Helm answered for an environment's release: its latest revision and its history, no release at all, or why it could not be asked.</summary>
/// <param name="Latest">`helm status`: the newest revision, whatever its status; null when there is no release (or helm could not be asked).</param>
/// <param name="History">`helm history`: every revision, oldest first (without values).</param>
/// <param name="Problem">Why helm could not answer (the cluster is unreachable, helm is missing), in one line; null when it answered.</param>
public sealed record LiveRelease(HelmRevision? Latest, IReadOnlyList<HelmRevision> History, string? Problem)
{
    /// <summary>Helm answered "release: not found".</summary>
    public static LiveRelease None { get; } = new(null, [], null);

    public static LiveRelease Of(HelmRevision latest, IReadOnlyList<HelmRevision> history) => new(latest, history, null);

    public static LiveRelease Unreachable(string problem) => new(null, [], problem);
}
