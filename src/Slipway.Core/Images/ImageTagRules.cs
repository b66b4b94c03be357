namespace Slipway.Core.Images;

/// <summary>The inputs that decide a build's tags: images, tag rules (metadata-action syntax), flavor and extra labels.</summary>
public sealed record ImageTagRules
{
    /// <summary>The seed's tags: exact, minor and major version tags with a `v`, the branch and short sha, and latest=auto.</summary>
    public const string DefaultTags = """
        type=semver,pattern=v{{version}}
        type=semver,pattern=v{{major}}.{{minor}}
        type=semver,pattern=v{{major}}
        type=sha,prefix={{branch}}-
        """;

    public IReadOnlyList<ImageName> Images { get; init; } = [];

    /// <summary>The rules as written; empty means metadata-action's defaults (schedule, branch, tag, pr).</summary>
    public IReadOnlyList<ImageTagRule> Tags { get; init; } = Parse(DefaultTags);

    public ImageFlavor Flavor { get; init; } = ImageFlavor.Default;

    /// <summary>Extra labels as `key=value` lines; expressions such as {{branch}} are expanded.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Parses a multi-line `tags:` input (one rule per line, `#` comments and blank lines skipped).</summary>
    public static IReadOnlyList<ImageTagRule> Parse(string? text) => RuleFields.Lines(text).Select(ImageTagRule.Parse).ToList();

    /// <summary>The rules to apply, sorted by priority (highest first, stable for equal priorities), as metadata-action does.</summary>
    internal IReadOnlyList<ImageTagRule> Ordered()
    {
        var rules = Tags.Count == 0 ? ImageTagRule.MetadataActionDefaults : Tags;
        // NaN priorities compare as equal to everything in JavaScript's sort; treat them as 0 here.
        return rules.Select((rule, index) => (rule, index))
            .OrderByDescending(r => double.IsNaN(r.rule.Priority) ? 0 : r.rule.Priority)
            .ThenBy(r => r.index)
            .Select(r => r.rule)
            .ToList();
    }
}
