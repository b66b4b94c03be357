using Slipway.Adapters.Workspace;
using Slipway.Core.Configuration;
using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Images;

/// <summary>Asks the image tag rules (ImageTagPlanner) which tags a version gets, as if its release tag had just been pushed.</summary>
public static class PromotionTags
{
    /// <param name="tag">The version's git tag (TagNaming's), whose push the tags are planned for.</param>
    public static Func<IReadOnlyList<SemanticVersion>, TagPlan> For(SlipwayConfig config, ImageTagRules rules, string tag, SemanticVersion version)
    {
        ArgumentNullException.ThrowIfNull(config);
        var context = new ImageBuildContext
        {
            EventName = "push",
            Ref = $"refs/tags/{tag}",
            Sha = Environment.GetEnvironmentVariable("GITHUB_SHA") ?? string.Empty,
            DefaultBranch = config.Branch,
            TagBranch = config.Branch,
            Now = Clock.System.BuildTime,
        };
        return released =>
        {
            var set = ImageTagPlanner.Plan(rules, context, version, released.ToList());
            return new TagPlan(set.TagNames, [.. set.Withheld.Select(w => KeyValuePair.Create(w.Tag, w.Reason))]);
        };
    }
}
