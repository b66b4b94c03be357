using System.Text.Json;
using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Tests.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Signals;

/// <summary>
/// A deployment killed anywhere leaves a trace of what it did to the cluster: the attempt is on the ledger before helm runs
/// (outcome unknown) and completed after; `status` and `history` show an attempt a kill left unknown, and the next deployment
/// resolves it. Killed at each point with each signal, to slipway alone or to its group: nothing lost, nothing doubled.
/// </summary>
public sealed class DeploySignalTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public static TheoryData<string, Signal, bool> Cases()
    {
        var data = new TheoryData<string, Signal, bool>();
        foreach (var point in Points.Keys)
        {
            data.Add(point, Signal.SigInt, true); // Ctrl-C at a terminal
            data.Add(point, Signal.SigTerm, false); // a CI runner stopping the job
            data.Add(point, Signal.SigKill, false);
            data.Add(point, Signal.SigKill, true);
        }

        return data;
    }

    private static Dictionary<string, Action<DeployExample, HoldPoint>> Points { get; } = new()
    {
        ["the attempt's first line is being pushed to the ledger"] = (e, g) => g.Hook(e.Remote.GitDir, "reference-transaction", LedgerUpdate),
        ["helm is changing the cluster"] = (e, g) => e.Helm.BlockUpgrade(g),
        ["the clone keeps the attempt's end (refs/slipway/pending)"] = (e, g) => g.Hook(Path.Combine(e.Repo.Path, ".git"), "reference-transaction", "[ \"$1\" = prepared ] && grep -q ' refs/slipway/pending$'"),
        ["the attempt's end is being pushed to the ledger"] = (e, g) => g.Hook(e.Remote.GitDir, "reference-transaction", LedgerUpdate, nth: 2),
    };

    private static string LedgerUpdate => $"[ \"$1\" = prepared ] && grep -q ' {GitLedger.LedgerRef}$'";

    [Fact]
    public void A_deploy_killed_while_helm_runs_leaves_an_unknown_attempt_that_status_shows_and_the_next_deploy_resolves()
    {
        using var example = new DeployExample();
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        using var gate = new HoldPoint();
        example.Helm.BlockUpgrade(gate);
        using (var run = example.Start("deploy", "staging", "1.3.1"))
        {
            gate.WaitReached(run, Deadline);
            run.Send(Signal.SigKill, group: true);
            run.WaitForExit(Deadline);
        }

        var status = example.Slipway("status");
        var history = example.Slipway("history", "staging");

        Assert.Matches(@"\nstaging\s+1\.3\.1\s+unknown\s+\S+\s+Ada Lovelace <ada@example.com>\s+1\.3\.0\n", status.StandardOutput);
        Assert.Matches(@"1\.3\.1\s+deploy\s+unknown\s+.*helm started; how it ended is not recorded yet", history.StandardOutput);
        Assert.Equal(["1.3.0 succeeded", "1.3.1 unknown"], Attempts(example));

        var next = example.Slipway("deploy", "staging", "1.3.1");

        Expect.Success(next);
        Assert.Equal(["1.3.0 succeeded", "1.3.1 failed", "1.3.1 succeeded"], Attempts(example));
        Assert.Contains("interrupted: the run stopped after helm started and before it recorded how it ended (resolved by the deploy of 1.3.1)",
            example.RemoteLedger()[1].Detail, StringComparison.Ordinal);
        Assert.Matches(@"\nstaging\s+1\.3\.1\s+succeeded\s", example.Slipway("status").StandardOutput);
    }

    [Fact]
    public void A_rollback_resolves_an_attempt_a_kill_left_unknown_and_goes_back_to_the_last_good_version()
    {
        using var example = new DeployExample();
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        using var gate = new HoldPoint();
        example.Helm.BlockUpgrade(gate);
        using (var run = example.Start("deploy", "staging", "1.3.1"))
        {
            gate.WaitReached(run, Deadline);
            run.Send(Signal.SigKill, group: true);
            run.WaitForExit(Deadline);
        }

        var rollback = example.Slipway("rollback", "staging");

        Expect.Success(rollback);
        Assert.Equal("rolled back staging to 1.3.0\n", rollback.StandardOutput);
        Assert.Equal(["1.3.0 succeeded", "1.3.1 failed", "1.3.0 succeeded"], Attempts(example));
        Assert.Equal("v1.3.0", example.Helm.Deployed);
    }

    [Theory]
    [InlineData(Signal.SigInt)]
    [InlineData(Signal.SigTerm)]
    public void Ctrl_c_while_helm_runs_stops_helm_and_records_the_attempt_as_cancelled_before_it_ends(Signal signal)
    {
        using var example = new DeployExample();
        using var gate = new HoldPoint();
        example.Helm.BlockUpgrade(gate);
        using var run = example.Start("deploy", "staging", "1.3.0");
        gate.WaitReached(run, Deadline);

        run.Send(signal, group: false);
        var stopped = run.WaitForExit(Deadline);

        Assert.Equal(signal == Signal.SigInt ? 130 : 143, stopped.ExitCode);
        Assert.Equal("slipway: cancelled at step helm; run the same command to finish", stopped.StandardError.TrimEnd('\n').Split('\n')[^1]);
        Assert.Empty(ReleaseRepo.ProcessesIn([example.Repo.Path])); // helm was stopped, not left running
        var attempt = Assert.Single(example.RemoteLedger());
        Assert.Equal(DeploymentOutcome.Failed, attempt.Outcome);
        Assert.StartsWith("cancelled while helm ran", attempt.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Killed_anywhere_a_deploy_loses_no_attempt_and_the_next_deploy_finishes(string point, Signal signal, bool group)
    {
        var why = $"{point}, {signal.ToString().ToUpperInvariant()} to {(group ? "the group" : "slipway")}";
        using var example = new DeployExample();
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        using var gate = new HoldPoint();
        Points[point](example, gate);
        RunResult stopped;
        using (var run = example.Start("deploy", "staging", "1.3.1"))
        {
            gate.WaitReached(run, Deadline);
            run.Send(signal, group);
            gate.Open();
            stopped = run.WaitForExit(Deadline);
        }

        Wait.Until(() => !ReleaseRepo.ProcessesIn([example.Repo.Path, example.Remote.GitDir]).Any(), Deadline, "the killed run's children to end");
        var helmRan = example.Helm.Upgrades.Any(u => u.Contains("image.tag=v1.3.1"));
        var killed = Attempts(example).Where(a => a.StartsWith("1.3.1 ", StringComparison.Ordinal)).ToList();
        if (signal != Signal.SigKill)
        {
            // Handled: the attempt is never left unknown, and slipway ends saying where it stopped (or finished: the signal came late).
            Assert.True(stopped.ExitCode is 0 or 130 or 143, $"{why}: {stopped}");
            Assert.DoesNotContain("1.3.1 unknown", killed);
        }

        Assert.True(!helmRan || killed.Count == 1, $"{why}: helm ran for 1.3.1, so the history has its attempt: {string.Join(", ", Attempts(example))}");
        var status = example.Slipway("status");
        if (killed.SingleOrDefault() == "1.3.1 unknown")
        {
            Assert.Matches(@"\nstaging\s+1\.3\.1\s+unknown\s", status.StandardOutput);
        }

        var next = example.Slipway("deploy", "staging", "1.3.1");

        Assert.True(next.ExitCode == 0, $"{why}: the next deploy: {next}\n--- the stopped run: {stopped}");
        var attempts = Attempts(example);
        Assert.True(attempts[0] == "1.3.0 succeeded" && attempts[^1] == "1.3.1 succeeded", $"{why}: {string.Join(", ", attempts)}");
        Assert.True(attempts.Count == (killed.Count == 0 ? 2 : 3), $"{why}: nothing lost, nothing doubled: {string.Join(", ", attempts)}");
        Assert.DoesNotContain(attempts, a => a.EndsWith(" unknown", StringComparison.Ordinal));
        var lines = example.RemoteLines().Select(r => $"{r.Id} {DeploymentNames.Of(r.Outcome)}").ToList();
        Assert.True(lines.Count == lines.Distinct().Count(), $"{why}: every line once: {string.Join(", ", lines)}");
        Assert.NotEqual(0, example.Repo.TryGit("rev-parse", "--verify", "--quiet", GitLedger.PendingRef).ExitCode);
        Assert.Empty(ReleaseRepo.Locks(Path.Combine(example.Repo.Path, ".git")).Concat(ReleaseRepo.Locks(example.Remote.GitDir)));
        Assert.Equal("v1.3.1", example.Helm.Deployed);
    }

    private static List<string> Attempts(DeployExample example)
    {
        var json = example.Slipway("history", "staging", "--json");
        Expect.Success(json);
        return [.. JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("attempts").EnumerateArray()
            .Reverse().Select(a => $"{a.GetProperty("version").GetString()} {a.GetProperty("outcome").GetString()}")];
    }
}
