using Slipway.Core.Configuration;
using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Images;

/// <summary>Asks the image tag rules (ImageTagPlanner) which tags a version gets, as if its release tag had just been pushed.</summary>
public static class PromotionTags
{
    /// <param name="tag">The version's git tag (TagNaming's), whose push the tags are planned for.</param>
    /// <param name="sha">The commit the build is of (GITHUB_SHA in Actions; empty when unknown).</param>
    /// <param name="buildTime">The time `{{date}}` tags are made of (<c>Clock.BuildTime</c>).</param>
    public static Func<IReadOnlyList<SemanticVersion>, TagPlan> For(SlipwayConfig config, ImageTagRules rules, string tag, SemanticVersion version, string sha, DateTimeOffset buildTime)
    {
        ArgumentNullException.ThrowIfNull(config);
        var context = new ImageBuildContext
        {
            EventName = "push",
            Ref = $"refs/tags/{tag}",
            Sha = sha,
            DefaultBranch = config.Branch,
            TagBranch = config.Branch,
            Now = buildTime,
        };
        return released =>
        {
            var set = ImageTagPlanner.Plan(rules, context, version, released.ToList());
            return new TagPlan(set.TagNames, [.. set.Withheld.Select(w => KeyValuePair.Create(w.Tag, w.Reason))]);
        };
    }
}
