using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>`slipway status --live [--check]`: what helm reports for each environment's release against what the ledger recorded,
/// with the helm stand-in holding the "cluster" (revisions made by deploys, by hand upgrades and rollbacks).</summary>
public sealed class LiveStatusTests
{
    private const string Config = """
        environments:
          staging:
            helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-staging.yaml], namespace: agent-bus-staging }
          production:
            helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-prod.yaml], namespace: agent-bus-prod }
          dev:
            kind: command
            command: { run: [./deploy.sh, "{version}"] }
        """;

    [Fact]
    public void What_slipway_deployed_is_in_sync_and_check_passes()
    {
        using var example = new DeployExample(Config);
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        Expect.Success(example.Slipway("deploy", "staging", "1.3.1"));
        Expect.Success(example.Slipway("deploy", "production", "1.3.0"));

        var status = example.Slipway("status", "--live", "--check");

        Expect.Success(status);
        var lines = status.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("LIVE", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^staging\s+1\.3\.1\s+succeeded\s.*\sin sync \(revision 2\)$", lines[1]);
        Assert.Matches(@"^production\s+1\.3\.0\s+succeeded\s.*\sin sync \(revision 1\)$", lines[2]);
        Assert.Matches(@"^dev\s+-\s+never deployed\s.*\snot checked \(kind: command\)$", lines[3]);
        Assert.Contains(example.Helm.Calls, c => c.SequenceEqual(["status", "agent-bus", "--output", "json", "--namespace", "agent-bus-prod"]));
        Assert.Empty(status.StandardError);
    }

    [Fact]
    public void A_hand_upgrade_is_drift_and_check_exits_3_naming_the_environment()
    {
        using var example = new DeployExample(Config);
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        Expect.Success(example.Slipway("deploy", "production", "1.3.0"));
        example.Helm.UpgradeByHand("agent-bus-prod", "agent-bus", "v1.3.1");

        var status = example.Slipway("status", "--live", "--check");
        var plain = example.Slipway("status", "--live");

        Expect.OneLineError(status, 3, "drift in production", "helm runs something other than the ledger records");
        Assert.Matches(@"\nproduction\s+1\.3\.0\s+succeeded\s.*\sdrift: helm runs v1\.3\.1 \(revision 2, deployed by hand \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\n",
            status.StandardOutput);
        Assert.Matches(@"\nstaging\s.*\sin sync \(revision 1\)\n", status.StandardOutput);
        Expect.Success(plain);
        Assert.Equal(status.StandardOutput, plain.StandardOutput);
    }

    [Fact]
    public void A_rollback_outside_slipway_is_drift_and_an_environment_with_no_release_too()
    {
        using var example = new DeployExample(Config);
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        Expect.Success(example.Slipway("deploy", "staging", "1.3.1"));
        Expect.Success(example.Slipway("deploy", "production", "1.3.1"));
        example.Helm.RollBackByHand("agent-bus-staging", "agent-bus", 1);
        File.Delete(Path.Combine(example.Helm.BinDirectory, "..", "releases", "agent-bus-prod.agent-bus"));

        var status = example.Slipway("status", "--live", "--check");

        Expect.OneLineError(status, 3, "drift in staging, production");
        Assert.Matches(@"\nstaging\s+1\.3\.1\s.*\sdrift: helm runs v1\.3\.0 \(revision 3, rolled back outside Slipway [^)]*\)\n", status.StandardOutput);
        Assert.Matches(@"\nproduction\s+1\.3\.1\s.*\sdrift: not deployed \(helm: no release\)\n", status.StandardOutput);
    }

    [Fact]
    public void Json_has_a_live_object_per_environment_and_an_unreachable_cluster_is_one_line_not_a_crash()
    {
        using var example = new DeployExample(Config);
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));

        var json = example.Slipway("status", "--live", "--json");
        example.Helm.LoseCluster();
        var lost = example.Slipway("status", "--live", "--check");

        Expect.Success(json);
        var environments = JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("environments").EnumerateArray().ToList();
        var staging = environments[0].GetProperty("live");
        Assert.Equal("in_sync", staging.GetProperty("state").GetString());
        Assert.Equal("in sync (revision 1)", staging.GetProperty("text").GetString());
        var helm = staging.GetProperty("helm");
        Assert.Equal(1, helm.GetProperty("revision").GetInt32());
        Assert.Equal("deployed", helm.GetProperty("status").GetString());
        Assert.Equal("v1.3.0", helm.GetProperty("imageTag").GetString());
        Assert.Equal("agent-bus-0.1.0", helm.GetProperty("chart").GetString());
        Assert.Equal("1.2.0", helm.GetProperty("appVersion").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", helm.GetProperty("deployedAt").GetString());
        Assert.Equal("in_sync", environments[1].GetProperty("live").GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, environments[1].GetProperty("live").GetProperty("helm").ValueKind);
        Assert.Equal("not_checked", environments[2].GetProperty("live").GetProperty("state").GetString());

        Expect.Success(lost);
        Assert.Matches(@"\nstaging\s.*\shelm failed: helm status: Kubernetes cluster unreachable: .*connection refused\n", lost.StandardOutput);
        Assert.Empty(lost.StandardError);
    }

    [Fact]
    public void Doctor_fails_the_drift_check_of_an_environment_upgraded_by_hand()
    {
        using var example = new DeployExample(Config);
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        example.Helm.UpgradeByHand("agent-bus-staging", "agent-bus", "v1.3.1");
        var kubeconfig = Path.Combine(example.Repo.Path, ".git", "kubeconfig");
        File.WriteAllText(kubeconfig, "apiVersion: v1\ncontexts: [{ name: kind-dev, context: { cluster: dev } }]\ncurrent-context: kind-dev\n");

        var doctor = example.Slipway(new Dictionary<string, string?> { ["KUBECONFIG"] = kubeconfig }, "doctor", "--json");

        Assert.Equal(3, doctor.ExitCode);
        var checks = JsonDocument.Parse(doctor.StandardOutput).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => (Status: c.GetProperty("status").GetString(), Detail: c.GetProperty("detail").GetString()));
        Assert.Equal("failed", checks["drift:staging"].Status);
        Assert.StartsWith("drift: helm runs v1.3.1 (revision 2, deployed by hand", checks["drift:staging"].Detail, StringComparison.Ordinal);
        Assert.Equal(("passed", "in sync (never deployed, no helm release)"), checks["drift:production"]);
        Assert.False(checks.ContainsKey("drift:dev"));
    }
}
