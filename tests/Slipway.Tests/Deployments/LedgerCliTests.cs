using System.Text.Json;
using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>What users see of the ledger through the CLI: status, history, hostile reasons, a remote that refuses, approval on a terminal.</summary>
public sealed class LedgerCliTests
{
    [Fact]
    public void Hostile_reasons_stay_data_in_the_ledger_in_json_and_on_the_terminal()
    {
        // The whole corpus, one deployment per reason (alternating versions), then the history read once.
        var reasons = HostileInputs.CommitMessages;
        using var example = new DeployExample();
        foreach (var (reason, index) in reasons.Select((r, i) => (r, i)))
        {
            var deploy = example.Slipway("deploy", "staging", index % 2 == 0 ? "1.3.0" : "1.3.1", "--reason", reason);
            Assert.True(deploy.ExitCode == 0, $"reason {index}: {deploy}");
        }

        var json = example.Slipway("history", "staging", "--json");
        var text = example.Slipway("history", "staging");

        Assert.Equal(reasons, example.RemoteLedger().Select(r => r.Reason));
        var attempts = JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("reason").GetString()).ToList();
        Assert.Equal(reasons.Order(StringComparer.Ordinal), attempts.Order(StringComparer.Ordinal));
        Expect.Success(text);
        Assert.Equal(reasons.Count + 1, text.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain('\u001b', text.StandardOutput);
        Assert.DoesNotContain('\r', text.StandardOutput);
        Assert.DoesNotContain('\u0007', text.StandardOutput);
        Assert.False(File.Exists("/tmp/slipway-pwned"));
    }

    [Fact]
    public void Status_lists_every_environment_with_what_runs_there_and_as_json()
    {
        using var example = new DeployExample();
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0", "--image-digest", "sha256:" + new string('a', 64)));

        var text = example.Slipway("status");
        var json = example.Slipway("status", "--json");

        Expect.Success(text);
        Assert.Matches(@"\nproduction\s+-\s+never deployed\s+-\s+-\s+-\n$", text.StandardOutput);
        var environments = JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("environments").EnumerateArray().ToList();
        Assert.Equal(["staging", "production"], environments.Select(e => e.GetProperty("name").GetString()));
        var staging = environments[0].GetProperty("current");
        Assert.Equal("1.3.0", staging.GetProperty("version").GetString());
        Assert.Equal("succeeded", staging.GetProperty("outcome").GetString());
        Assert.Equal("sha256:" + new string('a', 64), staging.GetProperty("digest").GetString());
        Assert.Equal(example.Repo.Git("rev-parse", "v1.3.0^{commit}"), staging.GetProperty("commit").GetString());
        Assert.True(staging.GetProperty("pushed").GetBoolean());
        Assert.Equal("1.3.0", environments[0].GetProperty("lastGood").GetString());
        Assert.Equal(JsonValueKind.Null, environments[1].GetProperty("current").ValueKind);
    }

    [Fact]
    public void A_ledger_written_by_todays_slipway_still_reads_a_line_another_tool_wrote_is_skipped_and_every_old_line_stays_byte_for_byte()
    {
        using var example = new DeployExample();
        string[] written =
        [
            """{"schema":1,"id":"a1","environment":"staging","version":"1.3.0","action":"deploy","outcome":"succeeded","at":"2026-12-01T10:00:00Z","actor":"ada","forced":false}""",
            """{"schema":1,"id":"a2","environment":"staging","version":"1.4.0-rc.1+build.7","action":"deploy","outcome":"failed","at":"2026-12-01T11:00:00Z","actor":"ada","detail":"helm: timed out","forced":false}""",
            """{"schema":1,"id":"x1","environment":"staging","version":"latest","action":"deploy","outcome":"succeeded","at":"2026-12-01T12:00:00Z","actor":"a script","forced":false}""",
        ];
        example.Remote.WriteLedger(string.Concat(written.Select(l => l + "\n")));

        var history = example.Slipway("history", "staging", "--json");
        var status = example.Slipway("status");

        Expect.Success(history);
        var attempts = JsonDocument.Parse(history.StandardOutput).RootElement.GetProperty("attempts").EnumerateArray();
        Assert.Equal(["1.4.0-rc.1+build.7", "1.3.0"], attempts.Select(a => a.GetProperty("version").GetString()));
        Expect.Success(status);
        Assert.Matches(@"\nstaging\s+1\.4\.0-rc\.1\+build\.7\s+failed\s+2026-12-01T11:00:00Z\s+ada\s+1\.3\.0\n", status.StandardOutput);

        Expect.Success(example.Slipway("deploy", "staging", "1.3.1"));

        var lines = example.Remote.LedgerLines();
        Assert.Equal(written, lines.Take(3));
        Assert.Contains("\"version\":\"1.3.1\"", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "status")]
    [InlineData(true, "status", "--json")]
    [InlineData(true, "history", "staging")]
    [InlineData(false, "status")]
    [InlineData(false, "history", "staging")]
    public void Without_environments_status_and_history_say_so_in_the_same_line_with_exit_2(bool withRemote, params string[] args)
    {
        using var remote = new BareRemote();
        using var repo = new GitRepo();
        repo.Commit("fix: first");
        if (withRemote)
        {
            repo.Git("remote", "add", "origin", remote.Url);
            repo.Git("push", "-q", "origin", "HEAD");
        }

        var result = repo.Slipway(args);

        var line = Expect.OneLineError(result, 2);
        Assert.Equal("slipway: no environments are configured; add environments: with a helm: release and chart for each to slipway.yml", line);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public void A_remote_that_refuses_the_ledger_push_fails_with_one_line_and_the_next_write_delivers_the_record()
    {
        using var example = new DeployExample();
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        example.Remote.RefusePushes("pushes are frozen (test fault)");

        var refused = example.Slipway("deploy", "staging", "1.3.1");

        Assert.Equal("deployed 1.3.1 to staging\n", refused.StandardOutput);
        Expect.OneLineError(refused, 1, "the remote 'origin' refused the ledger push", "pushes are frozen (test fault)", GitLedger.PendingRef, "the next `slipway deploy`, `promote` or `rollback` pushes it");
        Assert.Single(example.RemoteLedger());
        var status = example.Slipway("status");
        Assert.Matches(@"\nstaging\s+1\.3\.1\s+succeeded \(not pushed\)", status.StandardOutput);

        example.Remote.Heal();
        Expect.Success(example.Slipway("rollback", "staging"));

        Assert.Equal(["1.3.0 succeeded", "1.3.1 succeeded", "1.3.1 rolled_back", "1.3.0 succeeded"],
            example.RemoteLedger().Select(r => $"{r.Version} {DeploymentNames.Of(r.Outcome)}"));
        Assert.NotEqual(0, example.Repo.TryGit("rev-parse", "--verify", "--quiet", GitLedger.PendingRef).ExitCode);
    }

    [Fact]
    public void An_unreachable_remote_stops_the_deploy_before_helm_runs()
    {
        using var example = new DeployExample();
        example.Repo.Git("remote", "set-url", "origin", "file:///nonexistent/slipway.git");

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Expect.OneLineError(result, 1, "cannot read the deployment ledger from 'origin'", "check that the remote 'origin' is reachable");
        Assert.Empty(example.Helm.Calls);
    }

    [Theory]
    [InlineData("y", 0, "succeeded")]
    [InlineData("n", 3, "blocked")]
    public void At_a_terminal_approval_is_a_confirmation_that_shows_what_changes(string answer, int exitCode, string outcome)
    {
        using var example = new DeployExample();
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));

        var dll = SlipwayCli.Dll;
        // `script` gives slipway a pseudo-terminal; the quoted words are ours (paths and fixed words), not user data.
        var command = string.Join(' ', new[] { "dotnet", dll, "promote", "staging", "production" }.Select(a => "'" + a + "'"));
        var env = new Dictionary<string, string?> { ["PATH"] = example.Helm.BinDirectory + ":" + Environment.GetEnvironmentVariable("PATH") };
        var result = Run.Process("script", ["--quiet", "--return", "--command", command, "/dev/null"], example.Repo.Path, env, answer + "\n");

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains("production: nothing -> 1.3.0. Deploy? [y/N]", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(outcome, DeploymentNames.Of(example.RemoteLedger("production").Single().Outcome));
        Assert.Equal(exitCode == 0 ? 2 : 1, example.Helm.Upgrades.Count);
    }
}
