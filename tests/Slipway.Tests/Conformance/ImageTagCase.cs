using System.Globalization;
using System.Text.Json;
using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Conformance;

/// <summary>One case of image-tags.json turned into the planner's inputs, and the planner's answer.</summary>
internal sealed class ImageTagCase
{
    private ImageTagCase(JsonElement json) => Json = json;

    public JsonElement Json { get; }

    public static ImageTagCase From(JsonElement json) => new(json);

    public JsonElement Expected => Json.GetProperty("expected");

    public IReadOnlyList<string> ExpectedTags => [.. Expected.GetProperty("tags").EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The expected main version, or Absent when the case does not assert it.</summary>
    public (bool Asserted, string? Value) ExpectedVersion =>
        Expected.TryGetProperty("version", out var v) ? (true, v.ValueKind == JsonValueKind.Null ? null : v.GetString()) : (false, null);

    public ImageTagSet Plan(IReadOnlyCollection<SemanticVersion>? existing = null)
    {
        var rules = new ImageTagRules
        {
            Images = ImageName.ParseList(Strings("images")),
            Tags = [.. Strings("tags").Select(ImageTagRule.Parse)],
            Flavor = ImageFlavor.Parse(Strings("flavor")),
        };
        return ImageTagPlanner.Plan(rules, Context(Json.GetProperty("context")), version: null, existing ?? []);
    }

    /// <summary>The GitHub context of a case; on a tag ref, the branch the tag was pushed from (payload base_ref) is the release branch containing it.</summary>
    public static ImageBuildContext Context(JsonElement c)
    {
        string? Text(string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var reference = Text("ref") ?? string.Empty;
        return new ImageBuildContext
        {
            EventName = Text("event") ?? string.Empty,
            Ref = reference,
            Sha = Text("sha") ?? string.Empty,
            DefaultBranch = Text("default_branch") ?? "main",
            EventDefaultBranch = Text("event_default_branch"),
            BaseRef = Text("base_ref"),
            TagBranch = reference.StartsWith("refs/tags/", StringComparison.Ordinal) ? Text("base_ref") : null,
            CommitDate = DateTimeOffset.Parse(Text("commit_date")!, CultureInfo.InvariantCulture),
            Now = DateTimeOffset.Parse(Text("now")!, CultureInfo.InvariantCulture),
        };
    }

    private List<string> Strings(string name) => [.. Json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
