using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Core.Ci;

/// <summary>Which version `slipway ci release` finishes: VERSION as given, else the tag the workflow runs on, else the version tag on HEAD.</summary>
public static class CiReleaseVersion
{
    /// <param name="argument">VERSION as typed (1.3.0 or v1.3.0), or null.</param>
    /// <param name="workflowTag">The tag the workflow runs on (GITHUB_REF_NAME when GITHUB_REF_TYPE is tag), or null.</param>
    /// <param name="headTags">The version tags on HEAD.</param>
    public static SemanticVersion Choose(string? argument, string? workflowTag, IReadOnlyList<VersionTag> headTags, TagNaming naming)
    {
        ArgumentNullException.ThrowIfNull(headTags);
        ArgumentNullException.ThrowIfNull(naming);
        if (argument is not null)
        {
            return naming.ParseVersion(argument, "VERSION");
        }

        if (workflowTag is not null && naming.TryParse(workflowTag, out var fromRef))
        {
            return fromRef;
        }

        // Two version tags on one commit (v1.3.0-rc.1 then v1.3.0): the highest is the release.
        return headTags.Select(t => t.Version).Max()
            ?? throw new SlipwayException(SlipwayError.Precondition("HEAD has no version tag and no VERSION was given",
                "run it on the tagged commit (a tag push's checkout), or pass the version: slipway ci release 1.3.0"));
    }
}
