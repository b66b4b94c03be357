using System.Text.Json;
using Slipway.Tests.Examples;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Doctor;

/// <summary>../shared/conformance/hostile-inputs.json through doctor: names are text in one line or one JSON string, never run, never a crash.</summary>
public sealed class DoctorHostileInputTests
{
    private const string Canary = "/tmp/slipway-pwned";

    private static GitRepo Repository()
    {
        var repo = new GitRepo();
        repo.WriteFile(".github/workflows/release.yml", File.ReadAllText(Path.Combine(AgentBusExample.Directory, ".github", "workflows", "release.yml")));
        repo.WriteFile("slipway.yml", "release:\n  github: { repo: \"acme/app\" }\n");
        repo.Commit("feat: base");
        repo.Tag("v1.0.0");
        return repo;
    }

    [Theory]
    [MemberData(nameof(HostileInputs.RefNameCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_name_as_the_environment_or_the_repository_is_one_line_or_one_failed_check(int index)
    {
        var name = HostileInputs.RefNames[index];
        using var repo = Repository();

        var asEnvironment = repo.Slipway("doctor", "--env", name);
        var asRepository = repo.Slipway(new Dictionary<string, string?>
        {
            ["GITHUB_REPOSITORY"] = name,
            ["GITHUB_TOKEN"] = "hostile-test-token",
            ["GITHUB_API_URL"] = "http://127.0.0.1:9/",
        }, "doctor", "--json");

        Assert.Equal(2, asEnvironment.ExitCode);
        Assert.Single(asEnvironment.StandardError.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain('\u001b', asEnvironment.StandardError);
        Assert.True(asRepository.ExitCode == 3, asRepository.ToString());
        using var json = JsonDocument.Parse(asRepository.StandardOutput);
        var github = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "github");
        Assert.Equal("failed", github.GetProperty("status").GetString());
        Assert.DoesNotContain("hostile-test-token", asRepository.StandardOutput + asRepository.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Canary), "a name was executed");
    }

    [Fact]
    public void Hostile_commit_messages_do_not_disturb_the_checks()
    {
        // The whole corpus, a commit per message, in the range the next version is computed from.
        using var repo = Repository();
        foreach (var message in HostileInputs.CommitMessages)
        {
            repo.Commit(message);
        }

        var result = repo.Slipway("doctor", "--offline");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\n  ok   tag-trigger +the next tag v1\.0\.\d+ starts \.github/workflows/release\.yml", result.StandardOutput);
        Assert.DoesNotContain('\u001b', result.StandardOutput);
        Assert.False(File.Exists(Canary), "a commit message was executed");
    }
}
