using Slipway.Core.Versioning;

namespace Slipway.Core.Images;

/// <summary>
/// Reads the versions already released from a registry's tag list: the tags that are a version as the exact-version tag
/// rules write it (`v{{version}}` gives v1.2.0), or as a git tag names it (a tag prefix), or bare (1.2.0).
/// </summary>
/// <remarks>Floating tags (v1, v1.2, latest) and build tags (main-abc1234) are not versions and are ignored; they are what a promotion moves, not evidence of a release.</remarks>
public static class ReleasedImageVersions
{
    public static IReadOnlyList<SemanticVersion> From(IEnumerable<string> tags, ImageTagRules rules, TagNaming naming)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(naming);
        string[] prefixes = [.. new[] { string.Empty }.Concat(naming.Prefixes).Concat(ExactVersionPrefixes(rules)).Distinct(StringComparer.Ordinal)];
        var versions = new HashSet<SemanticVersion>();
        foreach (var tag in tags)
        {
            foreach (var prefix in prefixes)
            {
                if (tag.StartsWith(prefix, StringComparison.Ordinal) && SemanticVersion.TryParse(tag[prefix.Length..], out var version))
                {
                    versions.Add(version);
                    break;
                }
            }
        }

        return [.. versions.Order()];
    }

    /// <summary>What the semver rules put before `{{version}}` when nothing else comes before it (`v` in `v{{version}}`), with the rule's and flavor's prefix.</summary>
    private static IEnumerable<string> ExactVersionPrefixes(ImageTagRules rules)
    {
        foreach (var rule in rules.Tags)
        {
            if (rule.Type is not ImageTagRuleType.Semver || rule["pattern"] is not { } pattern)
            {
                continue;
            }

            var at = pattern.IndexOf("{{version}}", StringComparison.Ordinal);
            var before = at < 0 ? null : pattern[..at];
            if (before is not null && !before.Contains("{{", StringComparison.Ordinal))
            {
                var prefix = rule["prefix"] ?? rules.Flavor.Prefix;
                yield return (prefix.Contains("{{", StringComparison.Ordinal) ? string.Empty : prefix) + before;
            }
        }
    }
}
