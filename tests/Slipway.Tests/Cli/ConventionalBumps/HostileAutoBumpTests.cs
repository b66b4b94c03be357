using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli.ConventionalBumps;

/// <summary>The hostile commit messages through each preset's reading: plan --json stays valid JSON and nothing is evaluated.</summary>
public sealed class HostileAutoBumpTests
{
    private const string Canary = "/tmp/slipway-pwned";

    [Fact]
    public void Hostile_commit_messages_are_data_to_every_preset()
    {
        // The whole corpus, a commit per message, in one range read by each preset.
        using var repo = new GitRepo();
        repo.Commit("fix: base");
        repo.Tag("v1.0.0");
        var shas = HostileInputs.CommitMessages.Select(m => repo.Commit(m)).Reverse().ToList();

        foreach (var preset in new[] { "conventionalcommits", "angular", "release-please" })
        {
            repo.WriteFile("slipway.yml", $"versioning:\n  bump: conventional\n  preset: {preset}\n");
            var plan = repo.Slipway("plan", "--json");

            Expect.Success(plan);
            var json = JsonDocument.Parse(plan.StandardOutput).RootElement;
            Assert.Equal(shas, json.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("sha").GetString()));
            var reason = json.GetProperty("reason").GetString()!;
            Assert.True(json.GetProperty("bump").GetString() == "none"
                ? reason.StartsWith("no releasable commits since v1.0.0", StringComparison.Ordinal)
                : reason.EndsWith($"(preset {preset})", StringComparison.Ordinal), reason);
            Assert.False(File.Exists(Canary), "a commit message was executed");
        }
    }
}
