using System.Text.Json;
using Slipway.Core.Commits;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Conformance;

/// <summary>Every case of ../shared/conformance/conventional-commits.json, one row per case (named by its message).</summary>
public sealed class ConventionalCommitsConformanceTests
{
    private static readonly JsonElement[] Cases =
        [.. JsonDocument.Parse(File.ReadAllText(SharedFiles.Conformance("conventional-commits.json"))).RootElement.GetProperty("cases").EnumerateArray()];

    public static TheoryData<int, string> CaseNames()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Cases.Length; i++)
        {
            // The index keeps rows unique; the message (escaped) names the row in test output.
            data.Add(i, JsonSerializer.Serialize(Cases[i].GetProperty("message").GetString()));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Message_is_read_as_the_specification_says(int index, string name)
    {
        var c = Cases[index];
        var parsed = ConventionalCommitParser.Parse(c.GetProperty("message").GetString()!);

        Assert.True(c.GetProperty("conventional").GetBoolean() == parsed.IsConventional, $"{name}: conventional");
        Assert.Equal(Text(c, "type"), parsed.Type);
        Assert.Equal(Text(c, "scope"), parsed.Scope);
        Assert.True(c.GetProperty("breaking").GetBoolean() == parsed.IsBreaking, $"{name}: breaking");
        Assert.Equal(Text(c, "description"), parsed.Description);
        Assert.Equal(Text(c, "body"), parsed.Body);
        var footers = c.GetProperty("footers").EnumerateArray()
            .Select(f => new CommitFooter(f.GetProperty("token").GetString()!, f.GetProperty("value").GetString()!)).ToList();
        Assert.Equal(footers, parsed.Footers);
    }

    [Fact]
    public void Revert_names_the_reverted_commit_whether_conventional_or_not()
    {
        var sha = "0123456789abcdef0123456789abcdef01234567";
        Assert.Equal(sha, ConventionalCommitParser.Parse($"revert: feat(api): add endpoint\n\nThis reverts commit {sha}.").RevertedSha);
        Assert.Equal(sha, ConventionalCommitParser.Parse($"Revert \"feat(api): add endpoint\"\n\nThis reverts commit {sha}.").RevertedSha);
        Assert.Null(ConventionalCommitParser.Parse("revert: undo the thing").RevertedSha);
    }

    private static string? Text(JsonElement c, string name) =>
        c.GetProperty(name).ValueKind == JsonValueKind.Null ? null : c.GetProperty(name).GetString();
}
