using Slipway.Core.Versioning;

namespace Slipway.Core.Changelog;

/// <summary>
/// Where a version's changelog starts: the highest lower version that the version's commit reaches (for a stable version,
/// the highest lower stable one, so 1.3.0's notes cover its release candidates' commits too). Exact on any history: a
/// patch of an older line (1.1.5, released after 1.2.0 on its own branch) is not the start of 1.3.0 unless merged.
/// </summary>
public static class PreviousRelease
{
    /// <summary>The versions that may be <paramref name="tag"/>'s previous release, nearest first: lower, stable for a stable version, one tag per version.</summary>
    public static IReadOnlyList<VersionTag> Candidates(VersionTag tag, IEnumerable<VersionTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(tags);
        return [.. tags
            .Where(t => t.Version.CompareTo(tag.Version) < 0 && (tag.Version.IsPrerelease || !t.Version.IsPrerelease))
            .OrderByDescending(t => t.Version)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .DistinctBy(t => (t.Version.Major, t.Version.Minor, t.Version.Patch, string.Join('.', t.Version.Prerelease)))];
    }

    /// <summary>The first of the <see cref="Candidates"/> that <paramref name="tag"/>'s commit reaches, or null (its changelog is all its history).</summary>
    /// <param name="isAncestor">Whether the first commit is the second or one of its ancestors.</param>
    public static async Task<VersionTag?> FindAsync(VersionTag tag, IEnumerable<VersionTag> tags, Func<string, string, Task<bool>> isAncestor)
    {
        ArgumentNullException.ThrowIfNull(isAncestor);
        foreach (var candidate in Candidates(tag, tags))
        {
            if (await isAncestor(candidate.Commit, tag.Commit).ConfigureAwait(false))
            {
                return candidate;
            }
        }

        return null;
    }
}
