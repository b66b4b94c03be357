using System.Text.Json;
using Slipway.Tests.Fixtures;
using Slipway.Tests.Fixtures.GitHub;

namespace Slipway.Tests.Ci;

/// <summary>
/// The release pull request as GitHub Actions runs it: a developer's clone pushing to a bare remote (main protected in spirit:
/// only the developer's commits and merges reach it), the GitHub double (pulls, labels, releases) told the remote's branches,
/// and each CI run in a fresh clone of the pushed main, as actions/checkout with fetch-depth: 0 makes it.
/// </summary>
public sealed class ReleasePullRequestSetup : IDisposable
{
    public const string Branch = "slipway/release-main";

    public const string Config = """
        versioning:
          bump: conventional
          preset: release-please
        changelog:
          file: CHANGELOG.md
        release:
          github: { repo: acme/app }
          flow: pull_request

        """;

    /// <param name="seed">Builds the released history after slipway.yml is written (default: CHANGELOG.md, `feat: first version` tagged v1.0.0); pushed with its tags.</param>
    public ReleasePullRequestSetup(string config = Config, Action<GitRepo>? seed = null)
    {
        Api.Branches = b => Remote.BranchCommit(b);
        Dev.WriteFile("slipway.yml", config);
        (seed ?? (dev =>
        {
            dev.WriteFile("CHANGELOG.md", "# Changelog\n");
            dev.Commit("feat: first version");
            dev.Tag("v1.0.0");
        }))(Dev);
        Dev.Git("remote", "add", "origin", Remote.Url);
        Dev.Git("push", "--quiet", "origin", "main", "--tags");
    }

    private readonly TempDirectory _runner = new("slipway-runner");

    public BareRemote Remote { get; } = new();

    /// <summary>$GITHUB_OUTPUT of every run (appended to, as the runner's file for one step).</summary>
    public string OutputPath => _runner.Combine("output");

    public GitRepo Dev { get; } = new();

    public GitHubApi Api { get; } = new();

    /// <summary>Commits on the developer's main (a change to <paramref name="file"/>, default file.txt) and pushes it; returns the commit.</summary>
    public string Push(string message, string? file = null)
    {
        var sha = Dev.Commit(message, file);
        Dev.Git("push", "--quiet", "origin", "main");
        return sha;
    }

    /// <summary>`slipway ci release-pr` in a fresh checkout of main, as the push's workflow runs it.</summary>
    public RunResult ReleasePr(params string[] arguments) => InCheckout(["ci", "release-pr", .. arguments]);

    /// <summary>`slipway ci release` in a fresh checkout of main, on a push to the branch.</summary>
    public RunResult CiRelease() => InCheckout(["ci", "release"]);

    /// <summary>`slipway plan --json` in a fresh checkout of main: the next version and its changelog.</summary>
    public (string Next, string Changelog) Plan()
    {
        var result = InCheckout(["plan", "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        return (json.RootElement.GetProperty("next").GetProperty("version").GetString()!, json.RootElement.GetProperty("changelog").GetString()!);
    }

    /// <summary>The one pull request from the release branch (there must be exactly one).</summary>
    public FakePull Pull => Assert.Single(Api.Pulls);

    /// <summary>Merges the pull request (from its head branch) as GitHub's squash button does (one new commit on main with the PR's title and the commit's body).</summary>
    public string SquashMerge(long number)
    {
        var pull = Api.Pulls.Single(p => p.Number == number);
        Dev.Git("fetch", "--quiet", "origin", $"+refs/heads/{pull.Head}:refs/remotes/origin/{pull.Head}");
        Dev.Git("pull", "--quiet", "--ff-only", "origin", "main");
        var body = Dev.Git("show", "--no-patch", "--format=%b", $"origin/{pull.Head}");
        Dev.Git("merge", "--quiet", "--squash", $"origin/{pull.Head}");
        var message = Path.GetTempFileName();
        File.WriteAllText(message, $"{pull.Title} (#{number})\n\n{body}\n");
        Dev.Git("commit", "--quiet", "--cleanup=verbatim", "-F", message);
        File.Delete(message);
        Dev.Git("push", "--quiet", "origin", "main");
        var sha = Dev.Head;
        Api.Merge(number, sha);
        return sha;
    }

    public void Dispose()
    {
        Api.Dispose();
        Dev.Dispose();
        Remote.Dispose();
        _runner.Dispose();
    }

    private RunResult InCheckout(string[] arguments)
    {
        using var checkout = GitRepo.Clone(Remote.Url);
        var environment = new Dictionary<string, string?>(Api.Environment)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "push",
            ["GITHUB_REF"] = "refs/heads/main",
            ["GITHUB_REF_NAME"] = "main",
            ["GITHUB_REF_TYPE"] = "branch",
            ["GITHUB_OUTPUT"] = OutputPath,
        };
        return checkout.Slipway(environment, arguments);
    }
}
