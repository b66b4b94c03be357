namespace Slipway.Core.Images;

/// <summary>The flavor's `latest=` setting.</summary>
public enum LatestMode
{
    /// <summary>Releases (semver, pep440, match, tag refs) get `latest`, and only while they are the highest release.</summary>
    Auto,

    /// <summary>Every build gets `latest` (`latest=true`), as the user asked.</summary>
    Always,

    /// <summary>No build gets `latest`.</summary>
    Never,
}
