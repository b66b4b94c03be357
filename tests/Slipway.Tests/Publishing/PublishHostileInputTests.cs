using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Publishing;

/// <summary>The hostile corpus through publish: commit messages reach GitHub as data in valid JSON, never run, never break the terminal or one-line errors.</summary>
public sealed class PublishHostileInputTests
{
    private const string Canary = "/tmp/slipway-pwned";

    [Fact]
    public void Every_hostile_commit_message_is_published_as_text()
    {
        // The whole corpus in one release, a commit per message: each reaches the release's body whole.
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: base");
        var shas = HostileInputs.CommitMessages.Select(m => setup.Repo.Commit(m)).ToList();
        setup.Release("1.1.0");

        var result = setup.Publish("1.1.0", "--json");
        var again = setup.Publish("1.1.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("created", JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("action").GetString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.StartsWith("release v1.1.0 is up to date", again.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', again.StandardOutput);
        var body = Assert.Single(setup.Api.Releases).Body ?? string.Empty;
        foreach (var (sha, index) in shas.Select((s, i) => (s, i)))
        {
            Assert.True(body.Contains($"({sha[..7]})", StringComparison.Ordinal), $"message {index} is not in the release's body");
        }

        Assert.False(File.Exists(Canary), "a commit message was executed");
    }

    [Theory]
    [MemberData(nameof(HostileInputs.RefNameCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_name_as_the_version_or_the_repository_is_a_one_line_error(int index)
    {
        var name = HostileInputs.RefNames[index];
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: base");
        var environment = setup.Api.Environment;
        environment["GITHUB_REPOSITORY"] = name;

        var asVersion = setup.Publish("--", name);
        var asRepository = setup.Publish(environment, "1.0.0");

        foreach (var result in new[] { asVersion, asRepository })
        {
            Assert.True(result.ExitCode is 2 or 3, result.ToString());
            Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
            Assert.DoesNotContain('\u001b', result.StandardError);
        }

        Assert.Empty(setup.Api.Releases);
        Assert.False(File.Exists(Canary), "a name was executed");
    }
}
