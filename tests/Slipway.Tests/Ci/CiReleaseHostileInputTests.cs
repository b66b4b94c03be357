using Slipway.Tests.Fixtures;
using Slipway.Tests.Publishing;

namespace Slipway.Tests.Ci;

/// <summary>../shared/conformance/hostile-inputs.json through `ci release`: commit messages reach the release, the summary and the outputs as text; hostile names are one-line errors or ignored.</summary>
public sealed class CiReleaseHostileInputTests : IDisposable
{
    private const string Canary = "/tmp/slipway-pwned";
    private readonly TempDirectory _files = new("slipway-ci-hostile");

    [Fact]
    public void Every_hostile_commit_message_goes_through_as_data()
    {
        // The whole corpus in one release, a commit per message: each reaches the summary whole.
        using var setup = new ReleasedRepo("release:\n  github: { repo: acme/app }\n");
        setup.Release("1.0.0", "feat: base");
        var shas = HostileInputs.CommitMessages.Select(m => setup.Repo.Commit(m)).ToList();
        setup.Release("1.1.0");

        var result = CiRelease(setup, "v1.1.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("released v1.1.0: publish\n", result.StandardOutput);
        var outputs = GitHubOutputFile.Parse(File.ReadAllText(_files.Combine("output")));
        Assert.Equal(["version", "tag", "released", "image_tags", "release_url", "deployed"], outputs.Select(o => o.Key));
        Assert.Equal(["1.1.0", "v1.1.0", "true"], outputs.Take(3).Select(o => o.Value));
        var summary = File.ReadAllText(_files.Combine("summary"));
        Assert.Equal(["## Released v1.1.0"], summary.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        foreach (var (sha, index) in shas.Select((s, i) => (s, i)))
        {
            Assert.True(summary.Contains($"({sha[..7]})", StringComparison.Ordinal), $"message {index} is not in the summary");
        }

        Assert.DoesNotContain("\n::", result.StandardOutput, StringComparison.Ordinal);
        Assert.Single(setup.Api.Releases);
        Assert.False(File.Exists(Canary), "a commit message was executed");
    }

    [Theory]
    [MemberData(nameof(HostileInputs.RefNameCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_name_as_VERSION_is_a_one_line_error_and_as_the_workflow_ref_is_not_taken_for_a_version(int index)
    {
        var name = HostileInputs.RefNames[index];
        using var setup = new ReleasedRepo("release:\n  github: { repo: acme/app }\n");
        setup.Release("1.0.0", "feat: base");

        var asVersion = CiRelease(setup, null, "--", name);
        var asRef = CiRelease(setup, name);

        Assert.True(asVersion.ExitCode is 2 or 3, asVersion.ToString());
        Assert.Single(asVersion.StandardError.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain('\u001b', asVersion.StandardError);
        Assert.True(asRef.ExitCode == 0, asRef.ToString());
        Assert.Equal("released v1.0.0: publish\n", asRef.StandardOutput);
        Assert.Equal("v1.0.0", Assert.Single(setup.Api.Releases).TagName);
        Assert.False(File.Exists(Canary), "a name was executed");
    }

    private RunResult CiRelease(ReleasedRepo setup, string? refName, params string[] arguments)
    {
        var env = new Dictionary<string, string?>(setup.Api.Environment)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REF_TYPE"] = refName is null ? null : "tag",
            ["GITHUB_REF_NAME"] = refName,
            ["GITHUB_OUTPUT"] = _files.Combine("output"),
            ["GITHUB_STEP_SUMMARY"] = _files.Combine("summary"),
        };
        return setup.Repo.Slipway(env, ["ci", "release", .. arguments]);
    }

    public void Dispose() => _files.Dispose();
}
