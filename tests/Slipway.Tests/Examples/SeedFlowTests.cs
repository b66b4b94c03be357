using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Tests.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Examples;

/// <summary>
/// The seed's whole release process on the agent-bus example, command by command as the README's walkthrough runs it:
/// init, release, the image CI builds, ci release on the tag push, promote to production with approval, rollback, status.
/// Stand-ins on loopback: a bare repository for GitHub's git host, the real registry for ghcr.io, the GitHub double for its
/// API, the helm stand-in for the cluster.
/// </summary>
public sealed class SeedFlowTests : IDisposable
{
    private readonly Registry _registry = new();
    private readonly GitHubApi _github = new("tefj-fun", "agent_bus");
    private readonly BareRemote _remote = new();
    private readonly HelmStandIn _helm = new();
    private readonly GitRepo _repo = AgentBusExample.Create(withSetup: false);

    private string Image => $"{_registry.Host}/tefj-fun/agent_bus";

    [Fact]
    public void Init_release_ci_release_promote_rollback_and_status_take_agent_bus_from_a_commit_to_production_and_back()
    {
        // slipway init reads the GitHub remote; then git's host and ghcr.io are swapped for their stand-ins.
        _repo.Git("config", "user.name", "Ada Lovelace");
        _repo.Git("config", "user.email", "ada@example.com");
        _repo.Git("remote", "add", "origin", "https://github.com/tefj-fun/agent_bus.git");
        Expect.Success(Slipway("init"));
        _repo.Git("remote", "set-url", "origin", _remote.Url);
        var config = Path.Combine(_repo.Path, "slipway.yml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("ghcr.io/tefj-fun/agent_bus", Image, StringComparison.Ordinal));
        _repo.Git("add", "--all");
        _repo.Commit("ci: release with slipway");
        _repo.Git("push", "--quiet", "origin", "main", "v1.2.3");

        // v1.2.3 (the seed's last release) runs in staging, from its image.
        _registry.Push("tefj-fun/agent_bus", "v1.2.3", OciImage.Create("agent bus 1.2.3\n"));
        Expect.Success(Slipway("deploy", "staging", "1.2.3"));

        // A feature, then `slipway release minor` (the seed's scripts/release.sh minor) tags and pushes v1.3.0.
        _repo.Commit("feat: route messages by topic", "src/agent_bus/topics.py");
        _repo.Git("push", "--quiet", "origin", "main");
        var release = Slipway("release", "minor", "--yes");
        Expect.Success(release);
        Assert.Contains("released v1.3.0", release.StandardOutput, StringComparison.Ordinal);
        var commit = _remote.Git("rev-parse", "v1.3.0^{commit}");
        Assert.Equal(_repo.Git("rev-parse", "HEAD"), commit);
        Assert.Contains("version = \"1.3.0\"", _remote.Git("show", "v1.3.0:pyproject.toml"), StringComparison.Ordinal);
        Assert.Contains("## [1.3.0]", _remote.Git("show", "v1.3.0:CHANGELOG.md"), StringComparison.Ordinal);

        // The tag push: CI builds the image of the tagged commit as main-<sha>, then runs `slipway ci release`.
        var digest = _registry.Push("tefj-fun/agent_bus", $"main-{commit[..7]}", OciImage.Create("agent bus 1.3.0\n"));
        var tagPush = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REF"] = "refs/tags/v1.3.0",
            ["GITHUB_REF_NAME"] = "v1.3.0",
            ["GITHUB_REF_TYPE"] = "tag",
        };
        var ci = Slipway(tagPush, "ci", "release");
        Assert.True(ci.ExitCode == 0, ci.ToString());
        foreach (var tag in new[] { "v1.3.0", "v1.3", "v1", "latest" })
        {
            Assert.Equal(digest, Skopeo.Digest($"{Image}:{tag}"));
        }

        var published = Assert.Single(_github.Releases);
        Assert.Equal("v1.3.0", published.TagName);
        Assert.Contains($"docker pull {Image}:v1.3.0", published.Body!, StringComparison.Ordinal);
        Assert.Contains("route messages by topic", published.Body!, StringComparison.Ordinal);
        Assert.Contains("helm", published.Body!, StringComparison.Ordinal);
        var staging = Ledger("staging");
        Assert.Equal(("1.3.0", DeploymentOutcome.Succeeded, digest), (staging[^1].Version.ToString(), staging[^1].Outcome, staging[^1].Digest));

        // The same job run again changes nothing.
        var again = Slipway(tagPush, "ci", "release");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Single(_github.Releases);
        Assert.Equal(staging.Count, Ledger("staging").Count);

        // deploy-production.yml: the job's environment `production` was approved by its reviewers.
        var approved = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["SLIPWAY_APPROVED_ENVIRONMENT"] = "production" };
        Expect.Success(Slipway(approved, "promote", "staging", "production"));
        var production = Assert.Single(Ledger("production"));
        Assert.Equal(("1.3.0", DeploymentAction.Promote, DeploymentOutcome.Succeeded, digest), (production.Version.ToString(), production.Action, production.Outcome, production.Digest));

        // Staging goes back to the last good version before 1.3.0.
        Expect.Success(Slipway("rollback", "staging", "--reason", "topic routing drops messages"));
        Assert.Equal(("1.2.3", DeploymentAction.Rollback, DeploymentOutcome.Succeeded), (Ledger("staging")[^1].Version.ToString(), Ledger("staging")[^1].Action, Ledger("staging")[^1].Outcome));

        var status = Slipway("status");
        Expect.Success(status);
        var lines = status.StandardOutput.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("staging", StringComparison.Ordinal) && l.Contains("1.2.3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("production", StringComparison.Ordinal) && l.Contains("1.3.0", StringComparison.Ordinal));
        Assert.Equal(
            ["v1.2.3", "v1.3.0", "v1.3.0"],
            _helm.Upgrades.Select(u => u[Array.IndexOf(u, "--set") + 1].Replace("image.tag=", string.Empty, StringComparison.Ordinal)).Take(3));
    }

    private List<DeploymentRecord> Ledger(string environment)
    {
        var result = Run.Git(_remote.GitDir, "show", "refs/slipway/ledger:ledger.jsonl");
        return result.ExitCode == 0
            ? new DeploymentHistory(LedgerJson.ParseAll(result.StandardOutput)).Records.Where(r => r.Environment == environment).ToList()
            : [];
    }

    private RunResult Slipway(params string[] arguments) => Slipway(new Dictionary<string, string?>(), arguments);

    private RunResult Slipway(IReadOnlyDictionary<string, string?> extra, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(_github.Environment)
        {
            ["PATH"] = _helm.BinDirectory + ":" + Environment.GetEnvironmentVariable("PATH"),
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        var result = _repo.Slipway(environment, arguments);
        // SLIPWAY_WALKTHROUGH=FILE keeps a transcript of the commands and their output: the README's walkthrough is made from it.
        if (Environment.GetEnvironmentVariable("SLIPWAY_WALKTHROUGH") is { Length: > 0 } transcript)
        {
            File.AppendAllText(transcript, $"$ slipway {string.Join(' ', arguments)}\n{result.StandardOutput}{result.StandardError}\n");
        }

        return result;
    }

    public void Dispose()
    {
        // The double serves GitHub's Releases API: the GitHub Deployments mirror (release.github is set) gets 404s there, warns and
        // goes on, as when GitHub is down. Anything else it found against its contract fails the test.
        Assert.All(_github.TakeViolations(), v => Assert.Contains("/repos/tefj-fun/agent_bus/deployments: no such path", v, StringComparison.Ordinal));
        _repo.Dispose();
        _helm.Dispose();
        _remote.Dispose();
        _github.Dispose();
        _registry.Dispose();
    }
}
