using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Images;

/// <summary>Everything the planner needs about one build: its context, the release version (null: not a release) and the versions already released.</summary>
public sealed record ImageBuild(ImageBuildContext Context, SemanticVersion? Version, IReadOnlyList<SemanticVersion> Released)
{
    public ImageTagSet Plan(ImageTagRules rules) => ImageTagPlanner.Plan(rules, Context, Version, Released);
}
