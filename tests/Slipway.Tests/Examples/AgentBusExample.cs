using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Examples;

/// <summary>
/// examples/agent-bus, the seed's repository in miniature, as a git repository of its own: its files committed as
/// "feat: agent bus" and tagged v1.2.3 (the seed's last release), with or without what `slipway init` wrote there.
/// </summary>
public static class AgentBusExample
{
    /// <summary>What `slipway init` writes in the example (kept in the example, so that a change to init shows here).</summary>
    public static readonly string[] SetupFiles = ["slipway.yml", ".github/workflows/release.yml", ".github/workflows/deploy-production.yml"];

    public static string Directory => SourceTree.Path("examples", "agent-bus");

    public static GitRepo Create(bool withSetup)
    {
        var repo = new GitRepo();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Directory, file).Replace('\\', '/');
            if (withSetup || !SetupFiles.Contains(relative))
            {
                repo.WriteFile(relative, File.ReadAllText(file));
            }
        }

        repo.Commit("feat: agent bus");
        repo.Git("tag", "--annotate", "--message", "Release v1.2.3", "v1.2.3");
        return repo;
    }
}
