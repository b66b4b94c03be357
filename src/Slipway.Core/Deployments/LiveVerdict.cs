using System.Globalization;
using Slipway.Core.Versioning;

namespace Slipway.Core.Deployments;

/// <summary>The drift verdict of one environment: the ledger's current attempt against the release Helm reports, in one line.</summary>
/// <param name="Helm">Helm's latest revision, when it answered with one.</param>
public sealed record LiveVerdict(LiveState State, string Text, HelmRevision? Helm = null)
{
    /// <summary>How far helm's clock may be ahead of the ledger's before a revision of the same tag counts as made after Slipway's deploy.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

    public bool Drifted => State == LiveState.Drift;

    public static LiveVerdict NotChecked(string why) => new(LiveState.NotChecked, $"not checked ({why})");

    /// <param name="current">The ledger's current attempt in the environment (<see cref="DeploymentHistory.Current"/>), null when never deployed.</param>
    /// <param name="naming">Turns the ledger's version into the image tag deploy passed to helm.</param>
    public static LiveVerdict Judge(DeploymentRecord? current, TagNaming naming, LiveRelease live)
    {
        ArgumentNullException.ThrowIfNull(naming);
        ArgumentNullException.ThrowIfNull(live);
        if (live.Problem is { } problem)
        {
            return new(LiveState.Unknown, $"helm failed: {problem}");
        }

        var helm = live.Latest;
        if (current is null)
        {
            return helm is null
                ? new(LiveState.InSync, "in sync (never deployed, no helm release)")
                : new(LiveState.Drift, $"drift: helm runs {TagOf(helm)} ({How(helm)}) but the ledger has no deployment", helm);
        }

        if (helm is null)
        {
            return new(LiveState.Drift, "drift: not deployed (helm: no release)");
        }

        var expected = naming.TagFor(current.Version);
        if (helm.ImageTag != expected)
        {
            return new(LiveState.Drift, $"drift: helm runs {TagOf(helm)} ({How(helm)}{Since(current, live)})", helm);
        }

        var unfinished = current.Outcome is DeploymentOutcome.Failed or DeploymentOutcome.Unknown;
        if (helm.Status == "failed" && unfinished)
        {
            return new(LiveState.InSync, $"in sync (revision {helm.Revision} failed, as the ledger says)", helm);
        }

        if (helm.Status.StartsWith("pending-", StringComparison.Ordinal) && current.Outcome == DeploymentOutcome.Unknown)
        {
            return new(LiveState.InSync, $"in sync (revision {helm.Revision} is {helm.Status}: the ledger's attempt has not ended)", helm);
        }

        if (helm.Status != "deployed")
        {
            return new(LiveState.Drift, $"drift: helm's revision {helm.Revision} of {expected} is {helm.Status}{Described(helm)}", helm);
        }

        if (helm.Deployed is { } deployed && deployed > current.At + ClockTolerance)
        {
            return new(LiveState.Drift, $"drift: helm runs {expected} ({How(helm)}, after the ledger's last deploy{Since(current, live)})", helm);
        }

        return new(LiveState.InSync, $"in sync (revision {helm.Revision})", helm);
    }

    private static string TagOf(HelmRevision helm) => helm.ImageTag ?? "no image tag";

    /// <summary>"revision 7, deployed by hand 2026-05-01 10:00 UTC": Slipway did not make it, so someone did.</summary>
    private static string How(HelmRevision helm) =>
        $"revision {helm.Revision}, {(helm.IsRollback ? "rolled back outside Slipway" : "deployed by hand")}"
        + (helm.Deployed is { } at ? " " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : string.Empty)
        + (helm.Status == "deployed" ? string.Empty : $", {helm.Status}");

    /// <summary>When more than one helm revision came after the ledger's attempt, how many.</summary>
    private static string Since(DeploymentRecord current, LiveRelease live)
    {
        var after = live.History.Count(r => r.Deployed is { } at && at > current.At + ClockTolerance);
        return after > 1 ? $"; {after} helm revisions since the ledger's last deploy" : string.Empty;
    }

    private static string Described(HelmRevision helm) => helm.Description.Length == 0 ? string.Empty : $": {helm.Description}";
}
