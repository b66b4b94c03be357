using Slipway.Core.Versioning;

namespace Slipway.Core.Images;

/// <summary>The stable versions already released; decides whether a floating tag may move to a version (forward only).</summary>
internal sealed class ReleaseHistory
{
    private readonly List<SemanticVersion> _stable;

    public ReleaseHistory(IEnumerable<SemanticVersion> released) => _stable = released.Where(v => !v.IsPrerelease).ToList();

    /// <summary>Null when <paramref name="version"/> may take a tag floating over <paramref name="scope"/>; else why not.</summary>
    public string? WhyNot(SemanticVersion version, FloatingScope scope)
    {
        if (scope == FloatingScope.Exact)
        {
            return null;
        }

        if (version.IsPrerelease)
        {
            return $"{version} is a prerelease, which gets only its exact tag";
        }

        var higher = _stable.Where(r => r > version && scope switch
        {
            FloatingScope.Minor => r.Major == version.Major && r.Minor == version.Minor,
            FloatingScope.Major => r.Major == version.Major,
            _ => true,
        }).Max();
        return higher is null ? null : $"{higher} is higher (floating tags only move forward)";
    }
}
