using System.Text.Json;
using Slipway.Core.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>deploy, promote, rollback, status and history through the real CLI, against a bare remote and the helm stand-in.</summary>
public sealed class DeployCommandTests
{
    private static readonly Dictionary<string, string?> ApprovedProduction = new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["SLIPWAY_APPROVED_ENVIRONMENT"] = "production",
        ["GITHUB_ACTOR"] = "octocat",
    };

    [Fact]
    public void Deploy_runs_helm_upgrade_install_with_the_exact_arguments_and_records_the_attempt_on_the_remote()
    {
        using var example = new DeployExample();

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("deployed 1.3.0 to staging\n", result.StandardOutput);
        Assert.Equal("", result.StandardError);
        var upgrade = Assert.Single(example.Helm.Upgrades);
        Assert.Equal(DeployExample.ExpectedUpgrade("v1.3.0", "helm/agent-bus/values-staging.yaml", "agent-bus-staging"), upgrade);
        var record = Assert.Single(example.RemoteLedger());
        Assert.Equal(("staging", "1.3.0", DeploymentOutcome.Succeeded, DeploymentAction.Deploy), (record.Environment, record.Version.ToString(), record.Outcome, record.Action));
        Assert.Equal("Ada Lovelace <ada@example.com>", record.Actor);
        Assert.Equal(example.Repo.Git("rev-parse", "v1.3.0^{commit}"), record.Commit);
        Assert.True(DateTimeOffset.UtcNow - record.At < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void The_agent_bus_example_deploys_promotes_rolls_back_and_answers_status_and_history_from_the_remote()
    {
        using var example = new DeployExample();

        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);
        var promote = example.Slipway(ApprovedProduction, "promote", "staging", "production");
        Assert.True(promote.ExitCode == 0, promote.ToString());
        Assert.Equal("deployed 1.3.0 to production\n", promote.StandardOutput);
        Assert.Equal(DeployExample.ExpectedUpgrade("v1.3.0", "helm/agent-bus/values-prod.yaml", "agent-bus-prod"), example.Helm.Upgrades[^1]);
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.1").ExitCode);

        var rollback = example.Slipway("rollback", "staging");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal("rolled back staging to 1.3.0 (from 1.3.1, now marked bad)\n", rollback.StandardOutput);
        Assert.Equal("v1.3.0", example.Helm.Deployed);
        Assert.Equal(DeployExample.ExpectedUpgrade("v1.3.0", "helm/agent-bus/values-staging.yaml", "agent-bus-staging"), example.Helm.Upgrades[^1]);

        var status = example.Slipway("status");
        Assert.Equal(0, status.ExitCode);
        var lines = status.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ENVIRONMENT", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^staging\s+1\.3\.0\s+succeeded\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+Ada Lovelace <ada@example.com>\s+1\.3\.0$", lines[1]);
        Assert.Matches(@"^production\s+1\.3\.0\s+succeeded\s+\S+\s+octocat\s+1\.3\.0$", lines[2]);

        var history = example.Slipway("history", "staging", "--json");
        Assert.Equal(0, history.ExitCode);
        var attempts = JsonDocument.Parse(history.StandardOutput).RootElement.GetProperty("attempts").EnumerateArray()
            .Select(a => $"{a.GetProperty("version").GetString()} {a.GetProperty("action").GetString()} {a.GetProperty("outcome").GetString()}").ToList();
        Assert.Equal(["1.3.0 rollback succeeded", "1.3.1 rollback rolled_back", "1.3.1 deploy succeeded", "1.3.0 deploy succeeded"], attempts);
        var text = example.Slipway("history", "staging");
        Assert.Equal(5, text.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // Everything above is on the remote, where another clone reads the same answers.
        Assert.Equal(5, example.RemoteLedger().Count);
        Assert.Equal("production", example.RemoteLedger()[1].Environment);
        Assert.Equal("staging", example.RemoteLedger()[1].From);
        using var other = GitRepo.Clone(example.Remote.Url);
        Assert.Equal(status.StandardOutput, other.Slipway("status").StandardOutput);

        // 1.3.1 was rolled back in staging: promote takes 1.3.0 again, never the bad one.
        var again = example.Slipway(ApprovedProduction, "promote", "staging", "production", "--dry-run");
        Assert.Contains("promote 1.3.0 to production", again.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_helm_upgrade_exits_1_with_helms_error_on_one_line_and_is_recorded_as_failed()
    {
        using var example = new DeployExample();
        example.Helm.FailOn("v1.3.1");

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("slipway: deploying 1.3.1 to staging failed: helm: Error: UPGRADE FAILED: release agent-bus failed", line, StringComparison.Ordinal);
        var record = Assert.Single(example.RemoteLedger());
        Assert.Equal(DeploymentOutcome.Failed, record.Outcome);
        Assert.Contains("UPGRADE FAILED", record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_helm_timeout_is_a_failed_attempt_that_says_the_deadline_passed()
    {
        using var example = new DeployExample();
        example.Helm.TimeOutOn("v1.3.0");

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("context deadline exceeded", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(DeploymentOutcome.Failed, Assert.Single(example.RemoteLedger()).Outcome);
    }

    [Fact]
    public void A_failing_gate_blocks_with_exit_3_before_helm_runs_and_is_recorded_and_gates_see_version_and_environment()
    {
        using var seen = new TempDirectory("slipway-gate");
        var envFile = seen.Combine("env.txt");
        using var example = new DeployExample($$"""
            environments:
              staging:
                helm: { release: agent-bus, chart: ./helm/agent-bus }
                gates:
                  - { name: record, run: [sh, -c, 'echo "$SLIPWAY_VERSION $SLIPWAY_ENV $SLIPWAY_TAG" > "$0"', '{{envFile}}'] }
                  - { name: image-scan, run: [sh, -c, 'echo "CVE-2026-0001 critical" >&2; exit 4'] }
            """);

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("slipway: 1.3.0 was not deployed to staging: gate 'image-scan' failed (exit 4: CVE-2026-0001 critical); fix what the gate found, then deploy again", line);
        Assert.Equal("1.3.0 staging v1.3.0\n", File.ReadAllText(envFile));
        Assert.Empty(example.Helm.Upgrades);
        var record = Assert.Single(example.RemoteLedger());
        Assert.Equal(DeploymentOutcome.Blocked, record.Outcome);
        Assert.Contains("image-scan", record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_health_check_with_auto_rollback_redeploys_the_last_good_version_and_records_both()
    {
        using var example = new DeployExample(Config(autoRollback: true, healthUrl: "URL"));
        using var health = new HealthServer(() => example.Helm.Deployed == "v1.3.1" ? 503 : 200);
        File.WriteAllText(Path.Combine(example.Repo.Path, "slipway.yml"), Config(autoRollback: true, healthUrl: health.Url));
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"health check failed: GET {health.Url} answered 503 (after 3 tries); rolled back to 1.3.0", line, StringComparison.Ordinal);
        Assert.Equal("v1.3.0", example.Helm.Deployed);
        Assert.Equal(["v1.3.0", "v1.3.1", "v1.3.0"], example.Helm.Upgrades.Select(u => u[5]["image.tag=".Length..]));
        var ledger = example.RemoteLedger();
        Assert.Equal(3, ledger.Count);
        Assert.Equal(("1.3.1", DeploymentOutcome.RolledBack), (ledger[1].Version.ToString(), ledger[1].Outcome));
        Assert.Equal(("1.3.0", DeploymentOutcome.Succeeded, DeploymentAction.Rollback), (ledger[2].Version.ToString(), ledger[2].Outcome, ledger[2].Action));
        Assert.Equal(5, health.Requests); // 1.3.0 once, 1.3.1 three times, 1.3.0 again after the rollback
    }

    [Fact]
    public void The_health_check_retries_until_the_service_answers_2xx()
    {
        using var example = new DeployExample();
        var calls = 0;
        using var health = new HealthServer(() => Interlocked.Increment(ref calls) <= 2 ? 502 : 204);
        File.WriteAllText(Path.Combine(example.Repo.Path, "slipway.yml"), Config(autoRollback: false, healthUrl: health.Url));

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, health.Requests);
        Assert.Equal(DeploymentOutcome.Succeeded, Assert.Single(example.RemoteLedger()).Outcome);
    }

    [Fact]
    public void A_failed_health_check_without_auto_rollback_is_recorded_as_failed()
    {
        using var example = new DeployExample();
        using var health = new HealthServer(() => 500);
        File.WriteAllText(Path.Combine(example.Repo.Path, "slipway.yml"), Config(autoRollback: false, healthUrl: health.Url));

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("answered 500", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(DeploymentOutcome.Failed, Assert.Single(example.RemoteLedger()).Outcome);
    }

    [Fact]
    public void Rollback_after_two_failed_versions_goes_to_the_last_good_one_not_helms_previous_revision()
    {
        using var example = new DeployExample();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.2.0").ExitCode);
        example.Helm.FailOn("v1.3.0");
        example.Helm.FailOn("v1.3.1");
        Assert.Equal(1, example.Slipway("deploy", "staging", "1.3.0").ExitCode);
        Assert.Equal(1, example.Slipway("deploy", "staging", "1.3.1").ExitCode);

        var result = example.Slipway("rollback", "staging");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("rolled back staging to 1.2.0\n", result.StandardOutput);
        Assert.Equal("image.tag=v1.2.0", example.Helm.Upgrades[^1][5]);
        var last = example.RemoteLedger()[^1];
        Assert.Equal(("1.2.0", DeploymentAction.Rollback, DeploymentOutcome.Succeeded), (last.Version.ToString(), last.Action, last.Outcome));
    }

    [Fact]
    public void Rollback_with_nothing_good_before_the_current_version_exits_3()
    {
        using var example = new DeployExample();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);

        var result = example.Slipway("rollback", "staging");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("slipway: staging has no good version before 1.3.0 to roll back to; name one with --to VERSION, or deploy a fixed version: slipway deploy staging VERSION\n", result.StandardError);
        Assert.Single(example.Helm.Upgrades);
    }

    [Fact]
    public void Rollback_to_an_explicit_version_marks_the_replaced_one_bad()
    {
        using var example = new DeployExample();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.2.0").ExitCode);
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.1").ExitCode);

        var result = example.Slipway("rollback", "staging", "--to", "v1.2.0", "--reason", "memory leak");

        Assert.True(result.ExitCode == 0, result.ToString());
        var marker = example.RemoteLedger()[^2];
        Assert.Equal(("1.3.1", DeploymentOutcome.RolledBack, "memory leak"), (marker.Version.ToString(), marker.Outcome, marker.Reason));
        var refused = example.Slipway(ApprovedProduction, "deploy", "production", "1.3.1");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("1.3.1 is not good in staging (its last attempt there was rolled back)", refused.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Promotion_without_approval_exits_3_and_is_recorded_as_blocked()
    {
        using var example = new DeployExample();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);

        var result = example.Slipway("promote", "staging", "production");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("slipway: production requires approval and none was given; run it in a GitHub Actions job with `environment: production` and env SLIPWAY_APPROVED_ENVIRONMENT: production, or at a terminal to confirm, or pass --force --reason TEXT\n", result.StandardError);
        Assert.Single(example.Helm.Upgrades);
        var blocked = example.RemoteLedger("production").Single();
        Assert.Equal((DeploymentOutcome.Blocked, "staging"), (blocked.Outcome, blocked.From));

        // An Actions job approved for another environment does not count.
        var wrong = example.Slipway(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["SLIPWAY_APPROVED_ENVIRONMENT"] = "staging" }, "promote", "staging", "production");
        Assert.Equal(3, wrong.ExitCode);
        // Outside GitHub Actions the variable alone is not an approval.
        var outside = example.Slipway(new Dictionary<string, string?> { ["SLIPWAY_APPROVED_ENVIRONMENT"] = "production" }, "promote", "staging", "production");
        Assert.Equal(3, outside.ExitCode);
        Assert.Single(example.Helm.Upgrades);
    }

    [Fact]
    public void A_version_that_failed_in_staging_cannot_go_to_production_even_with_approval()
    {
        using var example = new DeployExample();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);
        example.Helm.FailOn("v1.3.1");
        Assert.Equal(1, example.Slipway("deploy", "staging", "1.3.1").ExitCode);

        var direct = example.Slipway(ApprovedProduction, "deploy", "production", "1.3.1");
        var never = example.Slipway(ApprovedProduction, "deploy", "production", "1.2.0");
        var promote = example.Slipway(ApprovedProduction, "promote", "staging", "production");

        Assert.Equal(3, direct.ExitCode);
        Assert.Equal("slipway: production only takes versions that are good in staging, and 1.3.1 is not good in staging (its last attempt there failed); deploy it to staging first (or `slipway promote staging production`), or pass --force --reason TEXT to override\n", direct.StandardError);
        Assert.Equal(3, never.ExitCode);
        Assert.Contains("1.2.0 was never deployed to staging", never.StandardError, StringComparison.Ordinal);
        Assert.True(promote.ExitCode == 0, promote.ToString());
        Assert.Equal("deployed 1.3.0 to production\n", promote.StandardOutput);
    }

    [Fact]
    public void Force_with_a_reason_bypasses_the_requirements_and_is_recorded_and_force_alone_is_a_usage_error()
    {
        using var example = new DeployExample();

        var alone = example.Slipway("deploy", "production", "1.3.1", "--force");
        var forced = example.Slipway("deploy", "production", "1.3.1", "--force", "--reason", "hotfix for incident 42");

        Assert.Equal(2, alone.ExitCode);
        Assert.Equal("slipway: --force needs --reason TEXT; say why the requirements are bypassed, e.g. --force --reason \"hotfix for incident 42\"\n", alone.StandardError);
        Assert.True(forced.ExitCode == 0, forced.ToString());
        var record = Assert.Single(example.RemoteLedger());
        Assert.True(record.Forced);
        Assert.Equal("hotfix for incident 42", record.Reason);
    }

    [Fact]
    public void Deploy_without_a_version_takes_the_current_version()
    {
        using var example = new DeployExample();

        var result = example.Slipway("deploy", "staging");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("deployed 1.3.1 to staging\n", result.StandardOutput);
    }

    [Theory]
    [InlineData("deploy", "qa", "1.3.0")]
    [InlineData("history", "qa")]
    [InlineData("rollback", "qa")]
    [InlineData("promote", "staging", "qa")]
    public void An_unknown_environment_is_a_one_line_usage_error(params string[] arguments)
    {
        using var example = new DeployExample();

        var result = example.Slipway(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("slipway: unknown environment 'qa'; use one of: staging, production (environments: in slipway.yml)\n", result.StandardError);
    }

    [Theory]
    [InlineData("1.3", "'1.3' is not a version")]
    [InlineData("--upload-pack=x", "'--upload-pack=x' is not a version")]
    public void A_bad_version_is_a_usage_error_and_never_reaches_helm(string version, string expected)
    {
        using var example = new DeployExample();

        var result = example.Slipway("deploy", "staging", version);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Empty(example.Helm.Calls);
    }

    private static string Config(bool autoRollback, string healthUrl) => $$"""
        environments:
          staging:
            helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-staging.yaml],
                    namespace: agent-bus-staging, create_namespace: true }
            health: { url: "{{healthUrl}}", timeout: 20s, retries: 2, interval: 50ms }
            auto_rollback: {{(autoRollback ? "true" : "false")}}
          production:
            helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-prod.yaml],
                    namespace: agent-bus-prod, create_namespace: true }
            requires: { approval: true, promoted_from: staging }
        """;
}
