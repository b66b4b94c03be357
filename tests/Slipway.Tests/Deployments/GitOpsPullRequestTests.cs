using Slipway.Core.Deployments;
using Slipway.Core.GitOps;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>
/// `kind: gitops` with `via: pull_request` through the real CLI: the deploy commit on slipway/deploy-staging-1.3.0 of a second bare
/// repository (comments intact, the watched branch untouched) and one pull request into that branch on the GitHub double (the
/// pulls contract enforced); a second deploy of the same version finds the open pull request and opens none.
/// </summary>
public sealed class GitOpsPullRequestTests
{
    private const string ValuesFile = """
        # agent-bus in staging (Argo CD application agent-bus-staging)
        replicaCount: 2
        image:
          repository: ghcr.io/tefj-fun/agent_bus   # the one image
          tag: "v1.2.0"   # written by slipway
        resources: {}
        """;

    private static string Config(string gitops) => $$"""
        environments:
          staging:
            kind: gitops
            gitops:
              repo: {{gitops}}
              github: acme/gitops
              branch: main
              file: apps/agent-bus/values-staging.yaml
              set: { image.tag: "{tag}" }
              via: pull_request
        """;

    private static BareRemote GitOpsRemote()
    {
        var remote = new BareRemote("gitops.git");
        using var seed = new GitRepo();
        seed.WriteFile("apps/agent-bus/values-staging.yaml", ValuesFile);
        seed.Git("add", "--all");
        seed.Commit("apps: agent-bus");
        seed.Git("push", "--quiet", remote.Url, "main");
        return remote;
    }

    private static GitHubApi GitHub(BareRemote gitops) => new("acme", "gitops")
    {
        // GitHub refuses a pull request from a branch it does not have: the double reads the bare repository's branches.
        Branches = branch => gitops.Git("for-each-ref", "--format=%(objectname)", $"refs/heads/{branch}").Trim() is { Length: > 0 } sha ? sha : null,
    };

    [Fact]
    public void Deploy_opens_one_pull_request_with_the_change_on_its_own_branch_and_a_rerun_finds_it()
    {
        using var gitops = GitOpsRemote();
        using var github = GitHub(gitops);
        using var example = new DeployExample(Config(gitops.Url));
        var main = gitops.BranchCommit();

        var dryRun = example.Slipway(github.Environment, "deploy", "staging", "1.3.0", "--dry-run");
        var first = example.Slipway(github.Environment, "deploy", "staging", "1.3.0");

        Expect.Success(dryRun);
        Assert.Contains($"  gitops: set image.tag in apps/agent-bus/values-staging.yaml, pull request into main of {gitops.Url}\n", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("proposed 1.3.0 for staging: pull request #1 opened: https://github.invalid/acme/gitops/pull/1 (it deploys when merged)\n", first.StandardOutput);
        var pull = Assert.Single(github.Pulls);
        Assert.Equal(("slipway/deploy-staging-1.3.0", "main", "deploy(staging): 1.3.0", "open"), (pull.Head, pull.Base, pull.Title, pull.State));
        Assert.Contains("Merging this pull request deploys 1.3.0 to staging", pull.Body, StringComparison.Ordinal);
        Assert.Equal(main, gitops.BranchCommit());
        Assert.Equal(ValuesFile, gitops.Git("show", "main:apps/agent-bus/values-staging.yaml"));
        Assert.Equal(ValuesFile.Replace("\"v1.2.0\"", "\"v1.3.0\"", StringComparison.Ordinal),
            gitops.Git("show", "slipway/deploy-staging-1.3.0:apps/agent-bus/values-staging.yaml"));
        Assert.Equal(main, gitops.Git("rev-parse", "slipway/deploy-staging-1.3.0~1"));
        var record = Assert.Single(example.RemoteLedger("staging"));
        Assert.Equal(("1.3.0", DeploymentOutcome.Succeeded, "pull request #1 opened: https://github.invalid/acme/gitops/pull/1"), (record.Version.ToString(), record.Outcome, record.Detail));
        Assert.Equal($"deploy(staging): 1.3.0\n\nSets image.tag in apps/agent-bus/values-staging.yaml.\n\n{GitOpsCommit.DeploymentTrailer}: {record.Id}\nSlipway-Environment: staging\nSlipway-Version: 1.3.0",
            gitops.Git("log", "-1", "--format=%B", "slipway/deploy-staging-1.3.0").TrimEnd());
        var branchTip = gitops.Git("rev-parse", "slipway/deploy-staging-1.3.0");

        var second = example.Slipway(github.Environment, "deploy", "staging", "1.3.0");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("proposed 1.3.0 for staging: pull request #1 already open: https://github.invalid/acme/gitops/pull/1 (it deploys when merged)\n", second.StandardOutput);
        Assert.Single(github.Pulls);
        Assert.Single(github.Writes, w => w.OperationId == "pulls/create");
        Assert.Equal(branchTip, gitops.Git("rev-parse", "slipway/deploy-staging-1.3.0"));
        Assert.Equal(main, gitops.BranchCommit());
        Assert.Equal("pull request #1 already open: https://github.invalid/acme/gitops/pull/1", example.RemoteLedger("staging")[^1].Detail);
    }

    [Fact]
    public void Without_a_GitHub_token_the_deployment_is_blocked_and_nothing_is_pushed()
    {
        using var gitops = GitOpsRemote();
        using var example = new DeployExample(Config(gitops.Url));
        var before = gitops.Git("for-each-ref", "--format=%(refname) %(objectname)");

        var result = example.Slipway(new Dictionary<string, string?> { ["GITHUB_TOKEN"] = null, ["GH_TOKEN"] = null }, "deploy", "staging", "1.3.0");

        Expect.OneLineError(result, 2, "no GitHub token: GITHUB_TOKEN and GH_TOKEN are not set", "pull-requests: write");
        Assert.Equal(before, gitops.Git("for-each-ref", "--format=%(refname) %(objectname)"));
        Assert.Equal(DeploymentOutcome.Blocked, Assert.Single(example.RemoteLedger("staging")).Outcome);
    }

    [Fact]
    public void A_gitops_github_that_is_not_owner_slash_name_is_a_configuration_error()
    {
        using var gitops = GitOpsRemote();
        using var example = new DeployExample(Config(gitops.Url).Replace("github: acme/gitops", "github: https://github.com/acme/gitops", StringComparison.Ordinal));

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Expect.OneLineError(result, 2, "environments.staging.gitops.github", "'https://github.com/acme/gitops' is not owner/name", "acme/gitops");
        Assert.Equal("main", gitops.Git("for-each-ref", "--format=%(refname:short)", "refs/heads/").Trim());
    }
}
