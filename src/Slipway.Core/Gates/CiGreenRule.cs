namespace Slipway.Core.Gates;

/// <summary>`ci_green`: every check run and commit status of the commit being released succeeded (and there is at least one).</summary>
public static class CiGreenRule
{
    /// <summary>Conclusions that do not stop a release: success, and runs that decided there was nothing to do.</summary>
    private static readonly HashSet<string> Green = new(StringComparer.Ordinal) { "success", "neutral", "skipped" };

    public static GateVerdict Judge(string commit, IReadOnlyList<CheckRunFact> runs, IReadOnlyList<CommitStatusFact> statuses)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(statuses);
        var at = commit.Length > 7 ? commit[..7] : commit;
        const string Gate = ReleaseGate.CiGreen;
        if (runs.FirstOrDefault(r => r.Status == "completed" && !Green.Contains(r.Conclusion ?? string.Empty)) is { } red)
        {
            return GateVerdict.Fail(Gate, $"check run '{red.Name}' on {at} concluded {red.Conclusion ?? "without a conclusion"}",
                "fix what it reports and push, or re-run it on GitHub, then release again");
        }

        if (statuses.FirstOrDefault(s => s.State is "failure" or "error") is { } failed)
        {
            return GateVerdict.Fail(Gate, $"commit status '{failed.Context}' on {at} is {failed.State}", "fix what it reports and push, or re-run it, then release again");
        }

        if (runs.FirstOrDefault(r => r.Status != "completed") is { } running)
        {
            return GateVerdict.Fail(Gate, $"check run '{running.Name}' on {at} is {running.Status.Replace('_', ' ')}", "wait for it to finish, then release again");
        }

        if (statuses.FirstOrDefault(s => s.State != "success") is { } pending)
        {
            return GateVerdict.Fail(Gate, $"commit status '{pending.Context}' on {at} is {pending.State}", "wait for it to finish, then release again");
        }

        if (runs.Count + statuses.Count == 0)
        {
            return GateVerdict.Fail(Gate, $"no check run or commit status on {at}: CI has not reported on the commit being released",
                "push it and wait for CI, then release again");
        }

        return GateVerdict.Pass(Gate, $"{Count(runs.Count, "check run")} and {Count(statuses.Count, "commit status", "commit statuses")} on {at} succeeded");
    }

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
