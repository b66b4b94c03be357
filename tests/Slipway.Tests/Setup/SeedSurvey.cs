using Slipway.Core.Setup;

namespace Slipway.Tests.Setup;

/// <summary>What init finds in a repository shaped like the seed's agent_bus: Dockerfile, helm/agent-bus with staging and prod values, pyproject.toml.</summary>
public static class SeedSurvey
{
    public static RepositorySurvey Create(string branch = "main", string remoteUrl = "git@github.com:tefj-fun/agent_bus.git", int conventional = 10, int other = 0) => new()
    {
        Files =
        [
            "Dockerfile", "pyproject.toml", "CHANGELOG.md", "src/agent_bus/__init__.py",
            "helm/agent-bus/Chart.yaml", "helm/agent-bus/values.yaml", "helm/agent-bus/values-staging.yaml", "helm/agent-bus/values-prod.yaml",
            "helm/agent-bus/templates/deployment.yaml",
        ],
        Texts = new Dictionary<string, string>
        {
            ["pyproject.toml"] = "[project]\nname = \"agent-bus\"\nversion = \"1.2.3\"\n",
            ["helm/agent-bus/Chart.yaml"] = "apiVersion: v2\nname: agent-bus\nversion: 0.1.0\nappVersion: \"1.2.3\"\n",
        },
        Remotes = [new SurveyedRemote("origin", remoteUrl, branch)],
        CurrentBranch = branch,
        TagNames = ["v1.2.2", "v1.2.3"],
        RecentCommitMessages = [.. Enumerable.Repeat("feat: a feature", conventional), .. Enumerable.Repeat("Update things", other)],
    };
}
