using Slipway.Core.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>
/// `kind: command` environments (the seed's docker-compose "Development"): deploy, the status command, auto-rollback, the
/// ledger and status, dry run; through the real CLI, with scripts standing for docker compose.
/// </summary>
public sealed class CommandEnvironmentTests
{
    private const string Config = DeployExample.StagingAndProduction + """

          dev:
            kind: command
            command:
              run: [./deploy.sh, "{version}", "{environment}"]
              status: [./running.sh, "{tag}"]
            auto_rollback: true
        """;

    [Fact]
    public void A_command_environment_deploys_checks_status_rolls_back_automatically_and_is_recorded_like_helm()
    {
        using var example = new DeployExample(Config);
        using var log = new TempDirectory();
        var deployed = Path.Combine(log.Path, "deployed.txt");
        // docker compose up -d, as a script: it says what it was given, as arguments and as SLIPWAY_* variables.
        example.Repo.WriteFile("deploy.sh", "#!/bin/sh\necho \"$1 $2 $SLIPWAY_TAG $SLIPWAY_ENV\" >> \"$DEPLOY_LOG\"\n");
        // docker compose ps: v1.3.1 never comes up.
        example.Repo.WriteFile("running.sh", "#!/bin/sh\n[ \"$1\" != v1.3.1 ] || { echo 'agent-bus exited (1)' >&2; exit 1; }\n");
        foreach (var script in new[] { "deploy.sh", "running.sh" })
        {
            File.SetUnixFileMode(Path.Combine(example.Repo.Path, script), (UnixFileMode)0b111_101_101);
        }

        example.Repo.Commit("chore: the dev environment's scripts");
        var env = new Dictionary<string, string?> { ["DEPLOY_LOG"] = deployed };

        var dryRun = example.Slipway(env, "deploy", "dev", "1.3.0", "--dry-run");
        var first = example.Slipway(env, "deploy", "dev", "1.3.0");
        var second = example.Slipway(env, "deploy", "dev", "1.3.1");
        var status = example.Slipway("status");

        Expect.Success(dryRun);
        Assert.Contains("\n  ./deploy.sh 1.3.0 dev\n  status: ./running.sh v1.3.0\n", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("deployed 1.3.0 to dev\n", first.StandardOutput);
        Expect.OneLineError(second, 1, "deploying 1.3.1 to dev failed: deploy command: status: ./running.sh exited 1: agent-bus exited (1); rolled back to 1.3.0");
        Assert.Equal(["1.3.0 dev v1.3.0 dev", "1.3.1 dev v1.3.1 dev", "1.3.0 dev v1.3.0 dev"], File.ReadAllLines(deployed));
        Assert.Empty(example.Helm.Calls);
        Assert.Equal(
            [("1.3.0", DeploymentAction.Deploy, DeploymentOutcome.Succeeded), ("1.3.1", DeploymentAction.Deploy, DeploymentOutcome.RolledBack), ("1.3.0", DeploymentAction.Rollback, DeploymentOutcome.Succeeded)],
            example.RemoteLedger("dev").Select(r => (r.Version.ToString(), r.Action, r.Outcome)));
        Expect.Success(status);
        Assert.Matches(@"\ndev\s+1\.3\.0\s", status.StandardOutput);
        Assert.False(File.Exists("/tmp/slipway-pwned"));
    }

    [Theory]
    [InlineData("--set=image={tag}", "--set=image=v1.3.0 $(rm -rf ~)")]
    [InlineData("{\"env\":\"{environment}\"}", "{\"env\":\"dev\"}")]
    [InlineData("{digest}", "")]
    [InlineData("{Version}", "{Version}")]
    public void Placeholders_are_replaced_inside_one_argument_and_nothing_else_is_touched(string argument, string expected)
    {
        // A hostile tag stays inside its argument: there is no shell to split it.
        var values = new CommandValues("1.3.0", "v1.3.0 $(rm -rf ~)", null, "dev");

        Assert.Equal([expected], CommandDeploy.Expand([argument], values));
        Assert.Null(CommandDeploy.UnknownPlaceholder(argument));
        Assert.Equal("{verison}", CommandDeploy.UnknownPlaceholder("--v={verison}"));
    }

    [Fact]
    public void A_deploy_command_that_cannot_start_fails_the_attempt_with_one_line_naming_it()
    {
        using var example = new DeployExample(Config.Replace("./deploy.sh", "./missing.sh", StringComparison.Ordinal));

        var result = example.Slipway("deploy", "dev", "1.3.0");
        var doctor = example.Slipway("doctor", "--offline");

        Expect.OneLineError(result, 1, "deploying 1.3.0 to dev failed: deploy command:", "./missing.sh");
        Assert.Equal(DeploymentOutcome.Failed, Assert.Single(example.RemoteLedger("dev")).Outcome);
        Assert.Matches(@"\n  FAIL command:dev +\./missing\.sh, \./running\.sh cannot be started from here", doctor.StandardOutput);
    }
}
