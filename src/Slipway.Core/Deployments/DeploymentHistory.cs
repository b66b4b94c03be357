using Slipway.Core.Versioning;

namespace Slipway.Core.Deployments;

/// <summary>The rules over the ledger: what runs where, which versions are good, what a rollback or a promotion picks.</summary>
/// <remarks>A version is good in an environment when its latest attempt there that reached Helm succeeded; a later failure
/// or rollback of the same version makes it bad until it succeeds there again. Blocked attempts never reached Helm, so they
/// change nothing. An attempt is written before Helm runs (outcome unknown) and again, under the same id, when it ends: the
/// last line of an id is the attempt, in the place of its first. An attempt still unknown reached Helm (it is what the
/// environment was last set to) and is not good: nobody saw it healthy.</remarks>
public sealed class DeploymentHistory(IReadOnlyList<DeploymentRecord> records)
{
    /// <summary>Every attempt, oldest first (ledger order of its first line), as its last line says; releases are not attempts.</summary>
    public IReadOnlyList<DeploymentRecord> Records { get; } = Collapse([.. records.Where(r => r.Action != DeploymentAction.Release)]);

    /// <summary>The releases the ledger records (made with gates skipped: <see cref="Gates.GateSkip.Record"/>), oldest first, each once.</summary>
    public IReadOnlyList<DeploymentRecord> Releases { get; } = [.. records.Where(r => r.Action == DeploymentAction.Release).DistinctBy(r => r.Id)];

    /// <summary>The attempts in one environment, newest first.</summary>
    public IReadOnlyList<DeploymentRecord> Attempts(string environment) =>
        Records.Where(r => r.Environment == environment).Reverse().ToList();

    /// <summary>Environments in the order they first appear in the ledger.</summary>
    public IReadOnlyList<string> Environments() => Records.Select(r => r.Environment).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The last attempt that reached Helm: the version the environment was last set to, and how that ended.</summary>
    public DeploymentRecord? Current(string environment) =>
        Attempts(environment).FirstOrDefault(r => r.Outcome != DeploymentOutcome.Blocked && !IsMarker(r));

    /// <summary>True when <paramref name="version"/> succeeded in the environment and has not failed or been rolled back there since.</summary>
    public bool IsGood(string environment, SemanticVersion version)
    {
        var latest = Attempts(environment).FirstOrDefault(r => r.Version == version && r.Outcome != DeploymentOutcome.Blocked);
        return latest?.Outcome == DeploymentOutcome.Succeeded;
    }

    /// <summary>The newest successful attempt whose version is still good: what `promote` takes from this environment.</summary>
    public DeploymentRecord? LastGood(string environment) =>
        Attempts(environment).FirstOrDefault(r => r.Outcome == DeploymentOutcome.Succeeded && IsGood(environment, r.Version));

    /// <summary>Where `rollback` goes: the newest good version other than the current one (failed and rolled-back versions are skipped,
    /// unlike Helm's previous revision).</summary>
    public DeploymentRecord? RollbackTarget(string environment)
    {
        var current = Current(environment);
        return Attempts(environment).FirstOrDefault(r =>
            r.Outcome == DeploymentOutcome.Succeeded && r.Version != current?.Version && IsGood(environment, r.Version));
    }

    /// <summary>The attempts in the environment whose end was never recorded (the run was killed while Helm ran), oldest first.</summary>
    public IReadOnlyList<DeploymentRecord> Unresolved(string environment) =>
        Records.Where(r => r.Environment == environment && r.Outcome == DeploymentOutcome.Unknown).ToList();

    /// <summary>
    /// What a deployment about to run Helm in the environment records for the attempts left unknown there: each failed (it was
    /// interrupted; no one saw it healthy, so it is not good), under its own id, saying which deployment resolved it.
    /// </summary>
    /// <param name="by">The deployment that resolves them, in words ("deploy of 1.3.1").</param>
    /// <param name="at">Now (Core has no clock).</param>
    public IReadOnlyList<DeploymentRecord> Resolutions(string environment, string by, DateTimeOffset at) =>
        [.. Unresolved(environment).Select(r => r with
        {
            Outcome = DeploymentOutcome.Failed,
            At = at,
            Detail = $"interrupted: the run stopped after helm started and before it recorded how it ended (resolved by the {by})",
        })];

    /// <summary>True when the ledger already holds a record with this id.</summary>
    public bool Contains(string id) => Records.Any(r => r.Id == id);

    private static List<DeploymentRecord> Collapse(IReadOnlyList<DeploymentRecord> lines)
    {
        var position = new Dictionary<string, int>(lines.Count, StringComparer.Ordinal);
        var attempts = new List<DeploymentRecord>(lines.Count);
        foreach (var line in lines)
        {
            if (position.TryGetValue(line.Id, out var at))
            {
                attempts[at] = line;
            }
            else
            {
                position[line.Id] = attempts.Count;
                attempts.Add(line);
            }
        }

        return attempts;
    }

    // A rollback marks the replaced version with a record of its own (outcome rolled_back, action rollback): it says
    // "this version is bad", not "this version was deployed", so it does not change what is current.
    private static bool IsMarker(DeploymentRecord record) =>
        record.Outcome == DeploymentOutcome.RolledBack && record.Action == DeploymentAction.Rollback;
}
