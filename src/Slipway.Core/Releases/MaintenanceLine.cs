using Slipway.Core.Versioning;

namespace Slipway.Core.Releases;

/// <summary>
/// The decisions of a release on a maintenance line (semantic-release's rule): it starts from the line's highest release
/// reachable from HEAD, stays within the line's range, and never takes a version a higher line owns.
/// </summary>
public static class MaintenanceLine
{
    /// <summary>
    /// The version a bump gives on the line: the bump of <paramref name="stableBase"/> when that is on the line; the line's
    /// first version (its lower bound) when HEAD reaches no release of the line yet (release-4.1 branched at 4.0.3, or no tag).
    /// </summary>
    public static SemanticVersion Target(VersionRange line, SemanticVersion? stableBase, BumpDecision bump)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(bump);
        if (bump.Version is not null || bump.Kind == BumpKind.None)
        {
            return bump.Apply(stableBase ?? line.Lower);
        }

        return stableBase is not null && stableBase.Core >= line.Lower ? bump.Apply(stableBase) : line.Lower;
    }

    /// <summary>
    /// The versions the line may still release: its range, ending below the lowest stable release above
    /// <paramref name="stableBase"/> within it. HEAD reaches none of those (the base is the highest it reaches), so each was
    /// released on another branch that owns it: `1.x` at 1.2.0 while main released 1.3.0 may release 1.2.1, not 1.3.0.
    /// </summary>
    /// <param name="stableBase">The highest stable release of the line reachable from HEAD, or null.</param>
    /// <param name="all">Every version tag of the repository.</param>
    public static VersionRange Bounds(VersionRange line, SemanticVersion? stableBase, IEnumerable<VersionTag> all)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(all);
        var bounds = line;
        foreach (var tag in all)
        {
            var v = tag.Version;
            if (!v.IsPrerelease && line.Contains(v) && (stableBase is null || v > stableBase))
            {
                bounds = bounds.Below(v.Core);
            }
        }

        return bounds;
    }

    /// <summary>
    /// The version of a release branch that other branches release beside (<see cref="ReleaseBranch.AboveOtherLines"/>): above
    /// every stable release of the repository, since a version up to the highest one released on another branch belongs to
    /// that branch's line. helm tags 4.2.x on release-4.2 only, so main reaches 4.1.0: a feat there is 4.3.0, not the 4.2.0 that
    /// exists (semantic-release refuses it as out of range). A major bump from the highest; any other the next minor (a patch
    /// of 4.2.4 is release-4.2's). Null when <paramref name="target"/> is above them already, or the version was asked for.
    /// </summary>
    public static BumpDecision? AboveOtherLines(SemanticVersion target, BumpDecision bump, IEnumerable<VersionTag> all)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(bump);
        ArgumentNullException.ThrowIfNull(all);
        if (bump.Version is not null || bump.Kind == BumpKind.None)
        {
            return null;
        }

        var highest = all.Where(t => !t.Version.IsPrerelease).Select(t => t.Version).DefaultIfEmpty().Max();
        if (highest is null || target > highest)
        {
            return null;
        }

        var above = highest.Core.Increment(bump.Kind == BumpKind.Major ? BumpKind.Major : BumpKind.Minor);
        return bump with
        {
            Version = above,
            Reason = $"{bump.Reason}; {highest} was released on another branch, so this one goes on above it at {above}",
        };
    }
}
