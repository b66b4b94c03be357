using System.Globalization;
using System.Text.Json;
using Slipway.Core.Commits;
using Slipway.Core.Versioning;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Conformance;

/// <summary>Every case of ../shared/conformance/bump.json for each of the three presets: one row per case and preset.</summary>
public sealed class BumpConformanceTests
{
    /// <summary>
    /// Where Slipway deliberately gives another answer than the tool, and why. Each is asserted to still differ,
    /// so the list cannot go stale.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Case, string Preset), string> DeliberateDifferences =
        new Dictionary<(string, string), string>
        {
            [("feat on prerelease 1.3.0-rc.1", "release-please")] = PrereleaseLines,
            [("fix on prerelease 1.3.0-rc.1", "release-please")] = PrereleaseLines,
            [("breaking on prerelease 1.3.0-rc.1", "release-please")] = PrereleaseLines,
        };

    private const string PrereleaseLines =
        "Slipway's prerelease lines: without --pre, a release from a release candidate is the candidate's own version "
        + "(1.3.0-rc.1 + feat = 1.3.0) and prereleases come only from --pre; release-please's DefaultVersioningStrategy "
        + "copies the -rc.1 suffix onto the bumped version (1.4.0-rc.1). The bump kind (minor/patch/major) is the same.";

    private static readonly JsonElement[] Cases =
        [.. JsonDocument.Parse(File.ReadAllText(SharedFiles.Conformance("bump.json"))).RootElement.GetProperty("cases").EnumerateArray()];

    public static TheoryData<string, string> CasesAndPresets()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Cases)
        {
            foreach (var preset in BumpPreset.Names)
            {
                data.Add(c.GetProperty("name").GetString()!, preset);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndPresets))]
    public void Preset_picks_the_release_its_tool_picks(string name, string preset)
    {
        var c = Cases.Single(x => x.GetProperty("name").GetString() == name);
        var expected = c.GetProperty("expected").GetProperty(preset).GetString()!;
        var actual = Answer(c, BumpPreset.Named(preset)!);
        if (DeliberateDifferences.TryGetValue((name, preset), out var reason))
        {
            Assert.True(expected != actual, $"listed as a deliberate difference ({reason}) but now agrees: {actual}");
            return;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_preset_in_the_file_is_one_slipway_has()
    {
        var inFile = Cases.SelectMany(c => c.GetProperty("expected").EnumerateObject().Select(p => p.Name)).ToHashSet();
        Assert.Equal(inFile.Order(), BumpPreset.Names.Order());
    }

    /// <summary>What the file records for the preset: commit-analyzer's release type, or release-please's next version.</summary>
    private static string Answer(JsonElement c, BumpPreset preset)
    {
        var messages = c.GetProperty("commits").EnumerateArray().Select(m => m.GetString()!).ToList();
        var hashes = c.TryGetProperty("hashes", out var h) ? h.EnumerateArray().Select(x => x.GetString()!).ToList() : null;
        var commits = messages.Select((m, i) => new Commit(
            hashes?[i] ?? string.Create(CultureInfo.InvariantCulture, $"{i + 1:x4}").PadLeft(40, 'f'),
            ["0000000000000000000000000000000000000000"], "A", "a@example.com", DateTimeOffset.UnixEpoch, m)).ToList();
        var current = SemanticVersion.Parse(c.GetProperty("current").GetString()!);
        var decision = ConventionalBump.Decide(commits, preset, "v" + current, current);
        if (decision.Kind == BumpKind.None)
        {
            return "none";
        }

        return preset == BumpPreset.ReleasePlease
            ? decision.Apply(current).ToString()
            : BumpDecision.Name(decision.Kind);
    }
}
