using Slipway.Adapters.Configuration;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Examples;

/// <summary>The agent-bus example holds what `slipway init` writes for it, and that passes actionlint and loads.</summary>
public sealed class AgentBusExampleTests
{
    [Fact]
    public void Init_in_the_example_writes_exactly_the_slipway_yml_and_workflows_the_example_holds()
    {
        using var repo = AgentBusExample.Create(withSetup: false);
        repo.Git("remote", "add", "origin", "https://github.com/tefj-fun/agent_bus.git");

        var result = repo.Slipway("init");

        Expect.Success(result);
        foreach (var file in AgentBusExample.SetupFiles)
        {
            var expected = File.ReadAllText(Path.Combine(AgentBusExample.Directory, file));
            var written = File.ReadAllText(Path.Combine(repo.Path, file));
            Assert.True(expected == written,
                $"examples/agent-bus/{file} is not what `slipway init` writes there now; copy the new one from a clone of the example (see AgentBusExample)");
        }
    }

    [Fact]
    public void The_example_s_workflows_pass_actionlint_and_its_slipway_yml_loads_with_staging_deployed_on_release()
    {
        Assert.Empty(NodeChecks.Actionlint(Directory.GetFiles(Path.Combine(AgentBusExample.Directory, ".github", "workflows"))));
        var config = ConfigLoader.Load(Path.Combine(AgentBusExample.Directory, "slipway.yml"));
        Assert.Equal(["staging", "production"], config.Environments.Select(e => e.Name));
        Assert.True(config.Environments[0].OnRelease);
        Assert.Equal(["ghcr.io/tefj-fun/agent_bus"], config.Image.Names);
    }
}
