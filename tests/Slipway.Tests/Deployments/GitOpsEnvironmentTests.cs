using Slipway.Core.Deployments;
using Slipway.Core.GitOps;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>
/// `kind: gitops` environments through the real CLI: the version written into a values file of a second bare repository
/// (comments intact), the commit naming the ledger record, concurrent deploys, Argo CD (the contract-enforcing double)
/// Synced/Healthy and Degraded (a revert commit), and the refusals that leave the GitOps repository untouched.
/// </summary>
public sealed class GitOpsEnvironmentTests
{
    private const string ValuesFile = """
        # agent-bus in staging (Argo CD application agent-bus-staging)
        replicaCount: 2
        image:
          repository: ghcr.io/tefj-fun/agent_bus   # the one image
          tag: "v1.2.0"   # written by slipway
        resources: {}
        """;

    private static string Config(string gitops, string extra = "") => $$"""
        environments:
          staging:
            kind: gitops
            gitops:
              repo: {{gitops}}
              branch: main
              file: apps/agent-bus/values-staging.yaml
              set: { image.tag: "{tag}" }
        {{extra}}
        """;

    private static BareRemote GitOpsRemote(params (string Path, string Text)[] files)
    {
        var remote = new BareRemote("gitops.git");
        using var seed = new GitRepo();
        foreach (var (path, text) in files.Length == 0 ? [("apps/agent-bus/values-staging.yaml", ValuesFile)] : files)
        {
            seed.WriteFile(path, text);
        }

        seed.Git("add", "--all");
        seed.Commit("apps: agent-bus");
        seed.Git("push", "--quiet", remote.Url, "main");
        return remote;
    }

    private static string Show(BareRemote remote, string what) => remote.Git("show", what);

    [Fact]
    public void A_gitops_environment_writes_the_version_into_the_values_file_of_a_second_repository_and_records_it()
    {
        using var gitops = GitOpsRemote();
        using var example = new DeployExample(Config(gitops.Url));

        var dryRun = example.Slipway("deploy", "staging", "1.3.0", "--dry-run");
        var deployed = example.Slipway("deploy", "staging", "1.3.0");

        Expect.Success(dryRun);
        Assert.Contains($"  gitops: set image.tag in apps/agent-bus/values-staging.yaml, push to main of {gitops.Url}\n", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.True(deployed.ExitCode == 0, deployed.ToString());
        Assert.Equal("deployed 1.3.0 to staging\n", deployed.StandardOutput);
        var record = Assert.Single(example.RemoteLedger("staging"));
        Assert.Equal(("1.3.0", DeploymentOutcome.Succeeded), (record.Version.ToString(), record.Outcome));
        Assert.Equal(ValuesFile.Replace("\"v1.2.0\"", "\"v1.3.0\"", StringComparison.Ordinal), Show(gitops, "main:apps/agent-bus/values-staging.yaml"));
        Assert.Equal($"deploy(staging): 1.3.0\n\nSets image.tag in apps/agent-bus/values-staging.yaml.\n\n{GitOpsCommit.DeploymentTrailer}: {record.Id}\nSlipway-Environment: staging\nSlipway-Version: 1.3.0",
            gitops.Git("log", "-1", "--format=%B", "main").TrimEnd());
        Assert.Equal("Ada Lovelace", gitops.Git("log", "-1", "--format=%an", "main"));
        Assert.Contains(gitops.BranchCommit()![..7], record.Detail, StringComparison.Ordinal);
        Assert.Empty(example.Helm.Calls);
    }

    [Fact]
    public async Task Two_concurrent_deploys_make_two_commits_and_two_ledger_records()
    {
        using var gitops = GitOpsRemote(("apps/agent-bus/values-staging.yaml", ValuesFile), ("apps/agent-bus/values-qa.yaml", ValuesFile));
        // The remote takes a moment over each push, so the two runs read the same tip and one of them loses the race.
        var hook = Path.Combine(gitops.GitDir, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\ncat >/dev/null\nsleep 1\n");
        File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);
        using var example = new DeployExample(Config(gitops.Url, """
              qa:
                kind: gitops
                gitops: { repo: REPO, file: apps/agent-bus/values-qa.yaml, set: { image.tag: "{tag}" } }
            """.Replace("REPO", gitops.Url, StringComparison.Ordinal)));

        var runs = new[] { ("staging", "1.3.0"), ("qa", "1.3.1") }.Select(r => Task.Run(() => example.Slipway("deploy", r.Item1, r.Item2))).ToArray();
        foreach (var run in await Task.WhenAll(runs))
        {
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        Assert.Equal(["deploy(qa): 1.3.1", "deploy(staging): 1.3.0"], gitops.Git("log", "-2", "--format=%s", "main").Split('\n').Order());
        Assert.Equal("apps: agent-bus", gitops.Git("log", "-1", "--format=%s", "main~2"));
        Assert.Contains("tag: \"v1.3.0\"", Show(gitops, "main:apps/agent-bus/values-staging.yaml"), StringComparison.Ordinal);
        Assert.Contains("tag: \"v1.3.1\"", Show(gitops, "main:apps/agent-bus/values-qa.yaml"), StringComparison.Ordinal);
        Assert.Equal([("qa", "1.3.1"), ("staging", "1.3.0")], example.RemoteLedger().Where(r => r.Outcome == DeploymentOutcome.Succeeded).Select(r => (r.Environment, r.Version.ToString())).Order());
    }

    [Fact]
    public void Argo_CD_synced_and_healthy_succeeds_and_degraded_is_rolled_back_by_a_revert_commit()
    {
        using var gitops = GitOpsRemote();
        using var argo = new ArgoCdApi("agent-bus-staging", gitops);
        // v1.3.1 never becomes healthy in the cluster.
        argo.Health = revision => Show(gitops, $"{revision}:apps/agent-bus/values-staging.yaml").Contains("v1.3.1", StringComparison.Ordinal) ? "Degraded" : "Healthy";
        using var example = new DeployExample(Config(gitops.Url, """
                auto_rollback: true
            """).Replace("      set: { image.tag: \"{tag}\" }", $$"""
                  set: { image.tag: "{tag}" }
                  argocd: { url: "{{argo.Url}}", application: agent-bus-staging, token_env: ARGO_TOKEN, timeout: 20s, interval: 100ms }
            """.TrimEnd(), StringComparison.Ordinal));
        var env = new Dictionary<string, string?> { ["ARGO_TOKEN"] = argo.Token };

        var first = example.Slipway(env, "deploy", "staging", "1.3.0");
        var afterFirst = Show(gitops, "main:apps/agent-bus/values-staging.yaml");
        var pushed = gitops.BranchCommit()!;
        var second = example.Slipway(env, "deploy", "staging", "1.3.1");

        Assert.True(first.ExitCode == 0, first.ToString());
        Expect.OneLineError(second, 1, "deploying 1.3.1 to staging failed: argocd: agent-bus-staging sync Synced at", "health Degraded; rolled back to 1.3.0");
        Assert.Equal(afterFirst, Show(gitops, "main:apps/agent-bus/values-staging.yaml"));
        var revert = gitops.Git("log", "-1", "--format=%B", "main");
        Assert.StartsWith("Revert \"deploy(staging): 1.3.1\"\n\nThis reverts commit " + gitops.Git("rev-parse", "main~1"), revert, StringComparison.Ordinal);
        Assert.Equal(pushed, gitops.Git("rev-parse", "main~2"));
        var records = example.RemoteLedger("staging");
        Assert.Equal(
            [("1.3.0", DeploymentAction.Deploy, DeploymentOutcome.Succeeded), ("1.3.1", DeploymentAction.Deploy, DeploymentOutcome.RolledBack), ("1.3.0", DeploymentAction.Rollback, DeploymentOutcome.Succeeded)],
            records.Select(r => (r.Version.ToString(), r.Action, r.Outcome)));
        Assert.Contains($"{GitOpsCommit.DeploymentTrailer}: {records[2].Id}", revert, StringComparison.Ordinal);
        Assert.All(argo.Requests, r => Assert.Equal("GET /api/v1/applications/agent-bus-staging", r));
    }

    [Fact]
    public void A_refused_Argo_CD_token_blocks_the_deployment_before_anything_is_committed()
    {
        using var gitops = GitOpsRemote();
        using var argo = new ArgoCdApi("agent-bus-staging", gitops);
        using var example = new DeployExample(Config(gitops.Url).Replace("      set: { image.tag: \"{tag}\" }", $$"""
                  set: { image.tag: "{tag}" }
                  argocd: { url: "{{argo.Url}}", application: agent-bus-staging }
            """.TrimEnd(), StringComparison.Ordinal));
        var before = gitops.BranchCommit();

        var result = example.Slipway(new Dictionary<string, string?> { ["ARGOCD_TOKEN"] = "expired-token" }, "deploy", "staging", "1.3.0");

        Expect.OneLineError(result, 3, "argocd:", "refused the token in ARGOCD_TOKEN (401)", "set ARGOCD_TOKEN to an Argo CD token");
        Assert.DoesNotContain("expired-token", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, gitops.BranchCommit());
        Assert.Equal(DeploymentOutcome.Blocked, Assert.Single(example.RemoteLedger("staging")).Outcome);
    }

    [Fact]
    public void A_values_file_without_the_path_is_one_line_naming_file_and_key_and_nothing_is_committed()
    {
        using var gitops = GitOpsRemote();
        using var example = new DeployExample(Config(gitops.Url).Replace("image.tag", "api.image.tag", StringComparison.Ordinal));
        var before = gitops.BranchCommit();

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Expect.OneLineError(result, 2, "gitops: apps/agent-bus/values-staging.yaml: there is no api.image.tag in it; add api.image.tag: to apps/agent-bus/values-staging.yaml");
        Assert.Equal(before, gitops.BranchCommit());
        var record = Assert.Single(example.RemoteLedger("staging"));
        Assert.Equal(DeploymentOutcome.Blocked, record.Outcome);
    }

    [Fact]
    public async Task The_push_loses_to_another_writer_without_overwriting_it()
    {
        using var gitops = GitOpsRemote();
        using var repository = await Slipway.Adapters.GitOps.GitOpsRepository.OpenAsync(gitops.Url, ("slipway", "slipway@localhost"), CancellationToken.None);
        var tip = (await repository.FetchAsync("main", CancellationToken.None))!;
        var file = (await repository.ReadAsync(tip, "apps/agent-bus/values-staging.yaml", CancellationToken.None))!;
        var built = await repository.CommitAsync(tip, "apps/agent-bus/values-staging.yaml", file with { Text = file.Text + "# mine\n" }, "mine", CancellationToken.None);
        using (var other = GitRepo.Clone(gitops.Url))
        {
            other.Commit("another writer");
            other.Git("push", "--quiet", "origin", "main");
        }

        var theirs = gitops.BranchCommit();
        var landed = await repository.PushAsync(built, "main", tip, CancellationToken.None);

        Assert.False(landed);
        Assert.Equal(theirs, gitops.BranchCommit());
    }
}
