using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>An agent_bus-shaped project: its Helm chart with staging and prod values, slipway.yml with staging and
/// production, tags v1.2.0..v1.3.1 pushed to a bare remote, and the helm stand-in on PATH.</summary>
public sealed class DeployExample : IDisposable
{
    public const string StagingAndProduction = """
        environments:
          staging:
            helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-staging.yaml],
                    namespace: agent-bus-staging, create_namespace: true }
            on_release: true
          production:
            helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-prod.yaml],
                    namespace: agent-bus-prod, create_namespace: true }
            requires: { approval: true, promoted_from: staging }
        """;

    public DeployExample(string? config = null, params string[] tags)
    {
        Repo.Git("config", "user.name", "Ada Lovelace");
        Repo.Git("config", "user.email", "ada@example.com");
        Repo.Git("remote", "add", "origin", Remote.Url);
        CopyDirectory(RealHelm.AgentBusChart(), System.IO.Path.Combine(Repo.Path, "helm", "agent-bus"));
        Repo.WriteFile("slipway.yml", config ?? StagingAndProduction);
        Repo.Git("add", "--all");
        Repo.Commit("feat: agent bus");
        foreach (var tag in tags.Length == 0 ? ["v1.2.0", "v1.3.0", "v1.3.1"] : tags)
        {
            Repo.Commit($"fix: towards {tag}");
            Repo.Tag(tag);
        }

        Repo.Git("push", "--quiet", "origin", "main", "--tags");
    }

    public BareRemote Remote { get; } = new();

    public GitRepo Repo { get; } = new();

    public HelmStandIn Helm { get; } = new();

    /// <summary>Runs the real slipway CLI in the project with the helm stand-in first on PATH.</summary>
    public RunResult Slipway(params string[] arguments) => Slipway(new Dictionary<string, string?>(), arguments);

    public RunResult Slipway(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var env = new Dictionary<string, string?>(environment)
        {
            ["PATH"] = Helm.BinDirectory + ":" + Environment.GetEnvironmentVariable("PATH"),
        };
        return SlipwayCli.Run(Repo.Path, env, string.Empty, arguments);
    }

    /// <summary>Starts the real slipway CLI as a process the test can signal, with the helm stand-in first on PATH.</summary>
    public SlipwayProcess Start(params string[] arguments) =>
        SlipwayProcess.Start(Repo.Path, new Dictionary<string, string?> { ["PATH"] = Helm.BinDirectory + ":" + Environment.GetEnvironmentVariable("PATH") }, null, arguments);

    /// <summary>The attempts in the ledger as the remote holds it (read straight from the bare repository), oldest first, each as
    /// its last line says (an attempt is written when helm starts and again when it ends).</summary>
    public IReadOnlyList<DeploymentRecord> RemoteLedger() => new DeploymentHistory(RemoteLines()).Records;

    /// <summary>Every line of the remote's ledger, as written.</summary>
    public IReadOnlyList<DeploymentRecord> RemoteLines()
    {
        var result = Run.Git(Remote.GitDir, "show", $"{GitLedger.LedgerRef}:ledger.jsonl");
        return result.ExitCode == 0 ? LedgerJson.ParseAll(result.StandardOutput) : [];
    }

    public IReadOnlyList<DeploymentRecord> RemoteLedger(string environment) => RemoteLedger().Where(r => r.Environment == environment).ToList();

    public static string[] ExpectedUpgrade(string tag, string values, string ns) =>
        ["upgrade", "--install", "agent-bus", "./helm/agent-bus", "--set", $"image.tag={tag}", "-f", values,
         "--namespace", ns, "--create-namespace", "--wait", "--timeout", "5m"];

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        Helm.Dispose();
        Repo.Dispose();
        Remote.Dispose();
    }
}
