using Slipway.Core.Deployments;
using Slipway.Core.Versioning;

namespace Slipway.Core.Metrics;

/// <summary>
/// One environment's attempts read once for the delivery metrics: the deployments (deploy and promote attempts that reached
/// Helm with a known outcome), which of them were change failures, the incidents they opened and when a good attempt ended
/// each, and the attempts whose outcome is not known.
/// </summary>
/// <remarks>
/// A deployment is a change failure when it failed, was rolled back automatically, or was marked bad by a later `rollback`
/// (the marker record names its version; it marks the newest successful deployment of that version). An incident opens at
/// the first change failure (or failed rollback) while none is open and ends at the next successful attempt of any action
/// that is not itself a change failure. Rollbacks are how an incident ends, not deployments of a change, and blocked attempts
/// never reached Helm: neither counts as a deployment.
/// </remarks>
public sealed class DeliveryTimeline
{
    private DeliveryTimeline(IReadOnlyList<TimelineDeployment> deployments, IReadOnlyList<Incident> incidents, IReadOnlyList<DeploymentRecord> unknown)
    {
        Deployments = deployments;
        Incidents = incidents;
        Unknown = unknown;
    }

    /// <summary>Deploy and promote attempts that reached Helm and ended, oldest first.</summary>
    public IReadOnlyList<TimelineDeployment> Deployments { get; }

    /// <summary>Times the environment was broken by a change and, when it was, restored; oldest first.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>Attempts whose outcome was never recorded (a run killed while Helm ran): shown, counted neither way.</summary>
    public IReadOnlyList<DeploymentRecord> Unknown { get; }

    /// <summary>Reads one environment's attempts, oldest first (ledger order).</summary>
    public static DeliveryTimeline Of(IReadOnlyList<DeploymentRecord> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var failed = new HashSet<int>();
        var lastSuccess = new Dictionary<SemanticVersion, int>();
        var unknown = new List<DeploymentRecord>();
        for (var i = 0; i < attempts.Count; i++)
        {
            var r = attempts[i];
            if (!IsKnown(r.Outcome))
            {
                unknown.Add(r);
            }
            else if (IsMarker(r))
            {
                if (lastSuccess.TryGetValue(r.Version, out var marked))
                {
                    failed.Add(marked);
                }
            }
            else if (IsDeployment(r))
            {
                if (r.Outcome == DeploymentOutcome.Succeeded)
                {
                    lastSuccess[r.Version] = i;
                }
                else
                {
                    failed.Add(i);
                }
            }
        }

        var deployments = new List<TimelineDeployment>();
        var incidents = new List<Incident>();
        DateTimeOffset? open = null;
        for (var i = 0; i < attempts.Count; i++)
        {
            var r = attempts[i];
            if (!IsKnown(r.Outcome) || IsMarker(r) || r.Outcome == DeploymentOutcome.Blocked)
            {
                continue;
            }

            var isFailure = failed.Contains(i) || (r.Action == DeploymentAction.Rollback && r.Outcome != DeploymentOutcome.Succeeded);
            if (IsDeployment(r))
            {
                deployments.Add(new TimelineDeployment(r, failed.Contains(i)));
            }

            if (isFailure)
            {
                open ??= r.At;
            }
            else if (open is { } start)
            {
                incidents.Add(new Incident(start, r.At));
                open = null;
            }
        }

        if (open is { } unresolved)
        {
            incidents.Add(new Incident(unresolved, null));
        }

        return new DeliveryTimeline(deployments, incidents, unknown);
    }

    /// <summary>The outcomes this version of Slipway knows the meaning of; any other (unknown: a run killed mid-way) is its own kind.</summary>
    public static bool IsKnown(DeploymentOutcome outcome) =>
        outcome is DeploymentOutcome.Succeeded or DeploymentOutcome.Failed or DeploymentOutcome.RolledBack or DeploymentOutcome.Blocked;

    private static bool IsDeployment(DeploymentRecord r) =>
        r.Action != DeploymentAction.Rollback && r.Outcome is DeploymentOutcome.Succeeded or DeploymentOutcome.Failed or DeploymentOutcome.RolledBack;

    // `rollback` marks the version it replaces with a record of its own: "bad", not "deployed".
    private static bool IsMarker(DeploymentRecord r) => r.Action == DeploymentAction.Rollback && r.Outcome == DeploymentOutcome.RolledBack;
}
