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

    private static JsonElement Find(string section, string key, string name) =>
        Vectors.GetProperty(section).EnumerateArray().First(c => c.GetProperty(key).GetString() == name);
}
