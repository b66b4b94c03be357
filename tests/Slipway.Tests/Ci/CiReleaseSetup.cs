using Slipway.Tests.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Ci;

/// <summary>
/// A tag push as `ci release` sees it: the agent_bus-shaped project (chart, staging on_release) with v1.2.0 and v1.3.0 pushed to a bare
/// remote, the real registry holding the image built for v1.3.0's commit as main-abc1234, the GitHub double, the helm stand-in, and the
/// files the runner gives a step ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY).
/// </summary>
public sealed class CiReleaseSetup : IDisposable
{
    private readonly TempDirectory _files = new("slipway-ci");

    /// <param name="imageExtra">More lines under image: (two-space indent), e.g. scan:.</param>
    public CiReleaseSetup(string? config = null, bool image = true, bool github = true, string imageExtra = "")
    {
        var text = config ?? string.Join(string.Empty,
            image ? $"image:\n  name: {Registry.Host}/acme/app\n{imageExtra}" : string.Empty,
            github ? "release:\n  github: { repo: acme/app }\n" : string.Empty,
            """
            environments:
              staging:
                helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-staging.yaml], namespace: agent-bus-staging }
                on_release: true
              production:
                helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-prod.yaml], namespace: agent-bus-prod }
                requires: { approval: true, promoted_from: staging }

            """);
        Example = new DeployExample(text, "v1.2.0", "v1.3.0");
        Commit = Example.Repo.Head;
    }

    public Registry Registry { get; } = new();

    public GitHubApi Api { get; } = new();

    public DeployExample Example { get; }

    /// <summary>v1.3.0's commit.</summary>
    public string Commit { get; }

    public string BuildTag => $"main-{Commit[..7]}";

    public string OutputPath => _files.Combine("github_output");

    public string SummaryPath => _files.Combine("step_summary");

    /// <summary>Pushes the image CI built for v1.3.0's commit, under its build tag; returns its digest.</summary>
    public string PushBuild(string content = "agent bus\n") => Registry.Push("acme/app", BuildTag, OciImage.Create(content));

    /// <summary>`slipway ci release ARGS` as the tag push's workflow runs it (GITHUB_REF_* of the tag, the runner's files), with the GitHub double.</summary>
    public RunResult CiRelease(params string[] arguments) => CiRelease(new Dictionary<string, string?>(), arguments);

    public RunResult CiRelease(IReadOnlyDictionary<string, string?> extra, params string[] arguments)
    {
        var env = new Dictionary<string, string?>(Api.Environment)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REF"] = "refs/tags/v1.3.0",
            ["GITHUB_REF_NAME"] = "v1.3.0",
            ["GITHUB_REF_TYPE"] = "tag",
            ["GITHUB_OUTPUT"] = OutputPath,
            ["GITHUB_STEP_SUMMARY"] = SummaryPath,
        };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }

        return Example.Slipway(env, ["ci", "release", .. arguments]);
    }

    /// <summary>The outputs as the runner reads them, the last value of each name winning.</summary>
    public IReadOnlyDictionary<string, string> Outputs() =>
        GitHubOutputFile.Parse(File.ReadAllText(OutputPath)).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    public string Summary() => File.ReadAllText(SummaryPath);

    public void Dispose()
    {
        // The GitHub double serves the Releases API only: the deployment's GitHub Deployments mirror (release.github is set) gets 404s
        // there, warns and stops, as it does when GitHub is down. Anything else the double found against its contract fails the test.
        Assert.All(Api.TakeViolations(), v => Assert.StartsWith("POST /repos/acme/app/deployments: no such path", v, StringComparison.Ordinal));
        Example.Dispose();
        Api.Dispose();
        Registry.Dispose();
        _files.Dispose();
    }
}
