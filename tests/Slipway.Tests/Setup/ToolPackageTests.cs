using Slipway.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Setup;

/// <summary>
/// The packages scripts/pack-tool.sh makes, installed for real: the README's `dotnet tool install` line and the scripts of
/// action.yml, run by bash as the runner would. One test: packing (Native AOT included) takes minutes on a busy machine.
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void The_packed_tool_installs_as_the_README_says_and_the_Action_installs_it_runs_a_command_and_exposes_its_outputs()
    {
        using var dir = new TempDirectory();
        var packages = Path.Combine(dir.Path, "packages");
        var pack = Run.Process("/bin/bash", [SourceTree.Path("scripts", "pack-tool.sh"), packages], SourceTree.Path(), timeout: TimeSpan.FromMinutes(30));
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var version = System.Xml.Linq.XDocument.Load(SourceTree.Path("src", "Slipway.Cli", "Slipway.Cli.csproj")).Descendants("Version").Single().Value;

        // The README's line, into a tool path of its own instead of --global.
        var tools = Path.Combine(dir.Path, "tools");
        var isolated = new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = Path.Combine(dir.Path, "home"), ["NUGET_PACKAGES"] = Path.Combine(dir.Path, "nuget") };
        var install = Run.Process("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "Slipway"], dir.Path, isolated, timeout: TimeSpan.FromMinutes(10));
        Assert.True(install.ExitCode == 0, install.ToString());
        var printed = Run.Process(Path.Combine(tools, "slipway"), ["--version"], dir.Path);
        Assert.Equal(0, printed.ExitCode);
        Assert.StartsWith(version, printed.StandardOutput, StringComparison.Ordinal);

        // action.yml's run: steps, in order, with the environment the runner gives them (inputs through env:, GITHUB_PATH, GITHUB_OUTPUT).
        using var repo = new GitRepo();
        repo.WriteFile("slipway.yml", "image:\n  name: ghcr.io/acme/app\n");
        repo.Commit("feat: a");
        repo.Tag("v1.3.0");
        var runnerTemp = Directory.CreateDirectory(Path.Combine(dir.Path, "runner-temp")).FullName;
        var path = Environment.GetEnvironmentVariable("PATH")!;
        var outputs = new Dictionary<string, string>();
        foreach (var step in ActionSteps())
        {
            var env = new Dictionary<string, string?>(isolated)
            {
                ["RUNNER_TEMP"] = runnerTemp,
                ["GITHUB_PATH"] = Path.Combine(dir.Path, "github_path"),
                ["GITHUB_OUTPUT"] = Path.Combine(dir.Path, $"output-{step.Id}"),
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_REF"] = "refs/tags/v1.3.0",
                ["GITHUB_EVENT_NAME"] = "push",
                ["GITHUB_SHA"] = repo.Head,
                ["PATH"] = path,
                ["SLIPWAY_VERSION"] = version,
                ["SLIPWAY_SOURCE"] = packages,
                ["SLIPWAY_COMMAND"] = "ci image-tags",
            };
            var result = Run.Process("/bin/bash", ["-e", "-c", step.Script], repo.Path, env, timeout: TimeSpan.FromMinutes(10));
            Assert.True(result.ExitCode == 0, $"{step.Id}: {result}");
            if (File.Exists(env["GITHUB_PATH"]!))
            {
                path = string.Join(':', Enumerable.Reverse(File.ReadAllLines(env["GITHUB_PATH"]!)).Append(path));
            }

            if (step.Id == "run")
            {
                outputs = GitHubOutputFile.Parse(File.ReadAllText(env["GITHUB_OUTPUT"]!)).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            }
        }

        Assert.Equal("ghcr.io/acme/app:v1.3.0\nghcr.io/acme/app:v1.3\nghcr.io/acme/app:v1\nghcr.io/acme/app:latest", string.Join('\n', outputs["tags"].Split('\n').Where(t => !t.Contains('-', StringComparison.Ordinal))));
        Assert.Contains("1.3.0", outputs["version"], StringComparison.Ordinal);
        var declared = ((YamlMappingNode)ActionYaml()["outputs"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        Assert.Contains("tags", declared);
        Assert.Contains("labels", declared);
        Assert.Contains("version", declared);
    }

    /// <summary>The run: scripts of action.yml (the setup-dotnet step is an action, not a script: the machine has the SDK).</summary>
    private static IEnumerable<(string Id, string Script)> ActionSteps() =>
        ((YamlSequenceNode)((YamlMappingNode)ActionYaml()["runs"])["steps"]).Children.Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey(new YamlScalarNode("run")))
            .Select((s, i) => (s.Children.TryGetValue(new YamlScalarNode("id"), out var id) ? ((YamlScalarNode)id).Value! : $"step{i}", ((YamlScalarNode)s["run"]).Value!));

    private static YamlMappingNode ActionYaml()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(SourceTree.Path("action.yml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
