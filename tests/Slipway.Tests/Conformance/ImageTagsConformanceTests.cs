using System.Text.Json;
using Slipway.Core.Versioning;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Conformance;

/// <summary>Every case of ../shared/conformance/image-tags.json (docker/metadata-action's own test tables), and our deliberate differences.</summary>
public sealed class ImageTagsConformanceTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(SharedFiles.Conformance("image-tags.json"))).RootElement;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Vectors.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case_gives_metadata_actions_tags_or_our_deliberate_difference(string name)
    {
        var vector = ImageTagCase.From(Find("cases", "name", name));
        var result = vector.Plan();
        if (ImageTagDivergences.Kept.TryGetValue(name, out var divergence))
        {
            Assert.NotEqual(vector.ExpectedTags, result.References);
            Assert.Equal(divergence.OurTags, result.References);
            return;
        }

        Assert.Equal(vector.ExpectedTags, result.References);
        var (asserted, version) = vector.ExpectedVersion;
        if (asserted)
        {
            Assert.Equal(version, result.Version);
        }
    }

    public static TheoryData<string> ScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (var d in Vectors.GetProperty("divergences").EnumerateArray().Where(d => d.TryGetProperty("scenario", out _)))
        {
            data.Add(d.GetProperty("case").GetString()!);
        }

        return data;
    }

    public static TheoryData<string> RejectedCandidates() => [.. ImageTagDivergences.Rejected.Keys];

    /// <summary>The file's older-release scenarios: the same case after a higher release exists; floating tags and latest stay where they are.</summary>
    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Older_release_scenario_does_not_move_floating_tags(string name)
    {
        var divergence = Find("divergences", "case", name);
        var scenario = divergence.GetProperty("scenario");
        var higher = SemanticVersion.Parse(scenario.GetProperty("existing_highest_release").GetString()!);
        var vector = ImageTagCase.From(Find("cases", "name", name));

        var result = vector.Plan([higher]);

        var proposed = divergence.GetProperty("our_tool_expected_tags").EnumerateArray().Select(e => e.GetString()!).ToList();
        var expected = ImageTagDivergences.ScenarioCorrections.TryGetValue(name, out var correction) ? correction.OurTags : proposed;
        Assert.Equal(expected, result.References);
        Assert.DoesNotContain(result.References, r => r.EndsWith(":latest", StringComparison.Ordinal) || r == "latest");
    }

    [Theory]
    [MemberData(nameof(RejectedCandidates))]
    public void Candidate_divergence_we_checked_gives_metadata_actions_output(string name)
    {
        Assert.Contains(Vectors.GetProperty("divergences").EnumerateArray(), d => d.GetProperty("case").GetString() == name);
        var vector = ImageTagCase.From(Find("cases", "name", name));
        Assert.Equal(vector.ExpectedTags, vector.Plan().References);
    }

    [Fact]
    public void Branch_placeholder_on_a_tag_push_is_the_release_branch_containing_the_tag()
    {
        var supplementary = Vectors.GetProperty("supplementary_cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "tag-push-branch-placeholder");
        var vector = ImageTagCase.From(supplementary);
        var result = vector.Plan();

        // metadata-action: "user/app:mytag-" (empty branch on tag refs); ours: the release branch, master.
        Assert.NotEqual(vector.ExpectedTags, result.References);
        Assert.Equal(["user/app:mytag-master"], result.References);
    }

    private static JsonElement Find(string section, string key, string name) =>
        Vectors.GetProperty(section).EnumerateArray().First(c => c.GetProperty(key).GetString() == name);
}
