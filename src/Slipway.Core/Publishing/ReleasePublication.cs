using Slipway.Core.Versioning;

namespace Slipway.Core.Publishing;

/// <summary>What a published release must look like: the tag it is for, its title, its notes and its flags.</summary>
public sealed record ReleasePublication(string Tag, SemanticVersion Version, string Title, string Notes, bool Draft, bool Latest)
{
    /// <summary>A prerelease version is published as a prerelease.</summary>
    public bool Prerelease => Version.IsPrerelease;
}
