using System.Text.Json;
using Slipway.Tests.Deployments;
using Slipway.Tests.Examples;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Doctor;

/// <summary>
/// The agent-bus example with everything doctor asks, here: a bare remote (the ledger), the real registry with token auth
/// standing in for ghcr.io (image.name points at it), the GitHub double, the real helm on PATH, and no kubeconfig.
/// </summary>
public sealed class DoctorExample : IDisposable
{
    private readonly TempDirectory _home = new("slipway-doctor-home");

    public DoctorExample()
    {
        Registry = new Registry(RegistryAuth.Token);
        GitHub = new GitHubApi("tefj-fun", "agent_bus");
        Remote = new BareRemote();
        Repo = AgentBusExample.Create(withSetup: true);
        Repo.WriteFile("slipway.yml", Repo.ReadFile("slipway.yml").Replace("ghcr.io/tefj-fun/agent_bus", $"{Registry.Host}/tefj-fun/agent_bus", StringComparison.Ordinal));
        Repo.Commit("fix: the image in the test registry");
        Repo.Git("remote", "add", "origin", Remote.Url);
        Repo.Git("push", "--quiet", "origin", "main", "--tags");
        Password = Registry.Password;
    }

    public Registry Registry { get; }

    public GitHubApi GitHub { get; }

    public BareRemote Remote { get; }

    public GitRepo Repo { get; }

    /// <summary>The KUBECONFIG doctor is given: no such file, unless a test writes one.</summary>
    public string KubeconfigPath => _home.Combine("kubeconfig");

    /// <summary>The registry password doctor is given (a test may give a wrong one).</summary>
    public string Password { get; set; }

    public RunResult Doctor(params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(GitHub.Environment)
        {
            ["REGISTRY_USERNAME"] = Fixtures.Registry.User,
            ["REGISTRY_PASSWORD"] = Password,
            ["PATH"] = Path.GetDirectoryName(RealHelm.Require()) + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["KUBECONFIG"] = KubeconfigPath,
            ["HOME"] = _home.Path,
        };
        return SlipwayCli.Run(Repo.Path, environment, null, ["doctor", .. arguments]);
    }

    /// <summary>`doctor --json`'s checks by name: (status, detail, fix).</summary>
    public (RunResult Result, Dictionary<string, (string Status, string Detail, string? Fix)> Checks) DoctorJson(params string[] arguments)
    {
        var result = Doctor(["--json", .. arguments]);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("detail").GetString()!, c.GetProperty("fix").GetString()));
        return (result, checks);
    }

    public static IReadOnlyList<string> Failed(Dictionary<string, (string Status, string Detail, string? Fix)> checks) =>
        checks.Where(c => c.Value.Status == "failed").Select(c => c.Key).Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        Repo.Dispose();
        Remote.Dispose();
        GitHub.Dispose();
        Registry.Dispose();
        _home.Dispose();
    }
}
