using Slipway.Core.Deployments;
using Slipway.Tests.Fixtures;
using Slipway.Tests.Fixtures.GitHub;

namespace Slipway.Tests.Deployments;

/// <summary>Attempts mirrored to GitHub's Deployments API (a double enforcing the contract extracted from @octokit/openapi); the ledger stays the truth.</summary>
public sealed class GitHubMirrorTests
{
    private const string Config = DeployExample.StagingAndProduction + "\nrelease:\n  github: { repo: tefj-fun/agent_bus }\n";

    [Fact]
    public void Each_attempt_is_a_github_deployment_with_in_progress_then_success_and_the_replaced_one_goes_inactive()
    {
        using var github = new GitHubDeploymentsApi();
        using var example = new DeployExample(Config);

        var first = example.Slipway(github.Environment, "deploy", "staging", "1.3.0");
        var second = example.Slipway(github.Environment, "deploy", "staging", "1.3.1");

        Expect.Success(first);
        Expect.Success(second);
        Assert.Equal("", first.StandardError + second.StandardError);
        Assert.Equal([(1001L, "v1.3.0", "staging"), (1002L, "v1.3.1", "staging")], github.Deployments);
        Assert.Equal(["1001 in_progress", "1001 success", "1002 in_progress", "1002 success", "1001 inactive"], github.Statuses);
        Assert.Equal([1001L, 1002L], example.RemoteLedger().Select(r => r.GitHubDeployment!.Value));
    }

    [Fact]
    public void Failed_blocked_and_automatically_rolled_back_attempts_are_mirrored_as_failures()
    {
        using var github = new GitHubDeploymentsApi();
        using var example = new DeployExample(Config.Replace("    on_release: true", "    on_release: true\n    auto_rollback: true", StringComparison.Ordinal));
        Expect.Success(example.Slipway(github.Environment, "deploy", "staging", "1.3.0"));
        example.Helm.FailOn("v1.3.1");

        var failed = example.Slipway(github.Environment, "deploy", "staging", "1.3.1");
        var blocked = example.Slipway(github.Environment, "promote", "staging", "production");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(3, blocked.ExitCode);
        Assert.Equal(["v1.3.0", "v1.3.1", "v1.3.0", "v1.3.0"], github.Deployments.Select(d => d.Ref));
        Assert.Equal(["1001 in_progress", "1001 success", "1002 in_progress", "1002 failure", "1003 in_progress", "1003 success", "1002 inactive", "1004 in_progress", "1004 failure"], github.Statuses);
        Assert.Equal("production", github.Deployments[^1].Environment);
        Assert.Equal([DeploymentOutcome.Succeeded, DeploymentOutcome.RolledBack, DeploymentOutcome.Succeeded, DeploymentOutcome.Blocked], example.RemoteLedger().Select(r => r.Outcome));
    }

    [Fact]
    public void A_github_outage_is_one_warning_line_and_the_ledger_still_has_the_record()
    {
        using var github = new GitHubDeploymentsApi();
        using var example = new DeployExample(Config);
        github.Outage(503);

        var result = example.Slipway(github.Environment, "deploy", "staging", "1.3.0");

        Expect.Success(result);
        Assert.Equal("deployed 1.3.0 to staging\n", result.StandardOutput);
        var warning = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("slipway: warning: not mirrored to GitHub Deployments (the ledger has the record): ", warning, StringComparison.Ordinal);
        var record = Assert.Single(example.RemoteLedger());
        Assert.Equal(DeploymentOutcome.Succeeded, record.Outcome);
        Assert.Null(record.GitHubDeployment);
        Assert.DoesNotContain(GitHubDeploymentsApi.Token, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_token_the_mirror_is_skipped_with_a_warning_and_the_deploy_goes_on()
    {
        using var example = new DeployExample(Config);

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Expect.Success(result);
        Assert.Contains("GITHUB_TOKEN and GH_TOKEN are not set", Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Single(example.RemoteLedger());
    }

    [Fact]
    public void The_contract_under_tests_holds_the_deployments_operations_slipway_calls()
    {
        var contract = OpenApiContract.LoadFrom(GitHubDeploymentsApi.ContractPath);

        Assert.Equal(["repos/create-deployment", "repos/create-deployment-status", "repos/list-deployment-statuses", "repos/list-deployments"],
            contract.Operations.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.Equal([201, 202, 409, 422], contract.Operations.Single(o => o.Id == "repos/create-deployment").Responses.Keys.Order());
    }
}
