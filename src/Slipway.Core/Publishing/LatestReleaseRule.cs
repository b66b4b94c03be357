using Slipway.Core.Versioning;

namespace Slipway.Core.Publishing;

/// <summary>Decides whether a release becomes the repository's "Latest": only the highest stable version ever does.</summary>
/// <remarks>A patch on an older line (1.1.5 after 1.2.0) is published but never Latest; drafts and prereleases never are.</remarks>
public static class LatestReleaseRule
{
    /// <param name="version">The version being published.</param>
    /// <param name="draft">Whether it is published as a draft.</param>
    /// <param name="known">Every other released version known (version tags, releases on the server).</param>
    public static bool IsLatest(SemanticVersion version, bool draft, IEnumerable<SemanticVersion> known)
    {
        if (draft || version.IsPrerelease)
        {
            return false;
        }

        // Build metadata does not count for precedence: 1.2.0+build.5 is not above 1.2.0.
        return known.Where(v => !v.IsPrerelease).All(v => v.CompareTo(version) <= 0);
    }
}
