using System.Text.Json;
using Slipway.Core.Versioning;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Conformance;

/// <summary>Every case of ../shared/conformance/semver.json.</summary>
public sealed class SemVerConformanceTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(SharedFiles.Conformance("semver.json"))).RootElement;

    public static TheoryData<string> ValidInputs() => Strings("valid", "input");

    public static TheoryData<string> InvalidInputs() => Strings("invalid", "input");

    public static TheoryData<string, string, int> PrecedenceCases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var c in Vectors.GetProperty("precedence").EnumerateArray())
        {
            data.Add(c.GetProperty("a").GetString()!, c.GetProperty("b").GetString()!, c.GetProperty("result").GetInt32());
        }

        return data;
    }

    public static TheoryData<int> SortedLists()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Vectors.GetProperty("sorted").GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidInputs))]
    public void Valid_version_parses_into_its_parts(string input)
    {
        var expected = Vectors.GetProperty("valid").EnumerateArray().First(c => c.GetProperty("input").GetString() == input);
        Assert.True(SemanticVersion.TryParse(input, out var version, out var error), error);
        Assert.Equal(expected.GetProperty("major").GetInt64(), version.Major);
        Assert.Equal(expected.GetProperty("minor").GetInt64(), version.Minor);
        Assert.Equal(expected.GetProperty("patch").GetInt64(), version.Patch);
        Assert.Equal(expected.GetProperty("prerelease").EnumerateArray().Select(e => e.GetString()), version.Prerelease);
        Assert.Equal(expected.GetProperty("build").EnumerateArray().Select(e => e.GetString()), version.Build);
        Assert.Equal(input, version.ToString());
    }

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Invalid_version_is_rejected(string input)
    {
        Assert.False(SemanticVersion.TryParse(input, out _));
        Assert.Throws<FormatException>(() => SemanticVersion.Parse(input));
    }

    [Theory]
    [MemberData(nameof(PrecedenceCases))]
    public void Precedence_follows_the_spec(string a, string b, int result) =>
        Assert.Equal(result, Math.Sign(SemanticVersion.Parse(a).CompareTo(SemanticVersion.Parse(b))));

    [Theory]
    [MemberData(nameof(SortedLists))]
    public void Sorting_any_permutation_gives_the_ascending_list(int index)
    {
        var expected = Vectors.GetProperty("sorted")[index].EnumerateArray().Select(e => e.GetString()!).ToList();
        var shuffled = expected.AsEnumerable().Reverse().Concat(expected.Where((_, i) => i % 2 == 0)).Distinct().ToList();
        var sorted = shuffled.Select(SemanticVersion.Parse).Order().Select(v => v.ToString()).ToList();
        Assert.Equal(expected, sorted);
    }

    private static TheoryData<string> Strings(string section, string field)
    {
        var data = new TheoryData<string>();
        foreach (var c in Vectors.GetProperty(section).EnumerateArray())
        {
            data.Add(c.GetProperty(field).GetString()!);
        }

        return data;
    }
}
