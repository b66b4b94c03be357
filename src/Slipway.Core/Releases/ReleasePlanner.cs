using System.Globalization;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Commits;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases;

/// <summary>Decides the next version, its tag and its changelog from what git says. Pure: the same input, the same plan.</summary>
public static class ReleasePlanner
{
    /// <summary>
    /// The version tag that makes HEAD already released for this request: its highest stable tag, or, for a prerelease
    /// (<paramref name="prereleaseId"/> set), its highest tag of any kind. Null when HEAD carries none: a stable release of
    /// the commit a release candidate is on is still to be made.
    /// </summary>
    public static VersionTag? ReleasedHead(IReadOnlyList<VersionTag> headTags, string? prereleaseId)
    {
        ArgumentNullException.ThrowIfNull(headTags);
        VersionTag? released = null;
        foreach (var tag in headTags)
        {
            if ((prereleaseId is not null || !tag.Version.IsPrerelease) && (released is null || tag.Version > released.Version))
            {
                released = tag;
            }
        }

        return released;
    }

    /// <summary>
    /// The tag a release range starts after: the last release before HEAD for a stable release, the last tag of any kind for
    /// a prerelease. When HEAD is already released, the range is that release's own.
    /// </summary>
    public static VersionTag? RangeBase(ReleaseLine beforeHead, IReadOnlyList<VersionTag> headTags, string? prereleaseId)
    {
        ArgumentNullException.ThrowIfNull(beforeHead);
        var prerelease = ReleasedHead(headTags, prereleaseId)?.Version.IsPrerelease ?? prereleaseId is not null;
        return prerelease ? beforeHead.Latest : beforeHead.LatestStable;
    }

    /// <param name="beforeHead">The release line from the tags on HEAD's ancestors, leaving out tags on HEAD itself.</param>
    /// <param name="headTags">Version tags on HEAD itself (a release that tagged and stopped, a release done, or a manual tag).</param>
    /// <param name="commits">The commits since <see cref="RangeBase"/>, newest first.</param>
    /// <param name="bump">The bump decided for this range; ignored when HEAD is already released.</param>
    /// <param name="allVersions">Every version tag in the repository, reachable or not (to number prereleases and refuse a version that exists).</param>
    /// <param name="branch">The release branch HEAD is on: a maintenance line keeps the version within its range (<see cref="MaintenanceLine"/>).</param>
    public static ReleasePlan Plan(
        ReleaseLine beforeHead,
        IReadOnlyList<VersionTag> headTags,
        IReadOnlyList<Commit> commits,
        BumpDecision bump,
        string? prereleaseId,
        SemanticVersion initial,
        TagNaming naming,
        IReadOnlyCollection<VersionTag> allVersions,
        ReleaseBranch? branch = null)
    {
        ArgumentNullException.ThrowIfNull(bump);
        ArgumentNullException.ThrowIfNull(naming);
        var rangeBase = RangeBase(beforeHead, headTags, prereleaseId);
        var current = WithHeadTags(beforeHead, headTags).Latest;
        if (ReleasedHead(headTags, prereleaseId) is { } released)
        {
            commits = WithoutReleaseCommit(commits, released.Name);
            // A HEAD that carries a release is released: the plan is that release, whatever bump was asked for (a re-run
            // finishes it; there is nothing after it to release).
            return new ReleasePlan
            {
                Current = current,
                Base = rangeBase,
                Bump = BumpDecision.Released(released, rangeBase?.Version ?? initial),
                Next = released.Version,
                NextTag = released.Name,
                Commits = commits,
                Changelog = SeedTemplate.List(commits),
                TagExistsAtHead = true,
                Status = ReleaseStatus.AlreadyTagged,
                Line = branch?.Line is null ? null : branch,
            };
        }

        var stableBase = beforeHead.LatestStable?.Version;
        var line = branch?.Line;
        var target = line is null ? bump.Apply(stableBase ?? initial) : MaintenanceLine.Target(line, stableBase, bump);
        if (branch is { AboveOtherLines: true } && MaintenanceLine.AboveOtherLines(target, bump, allVersions) is { } above)
        {
            (bump, target) = (above, above.Version!);
        }

        var next = prereleaseId is null || bump.Kind == BumpKind.None ? target : NextPrerelease(target, prereleaseId, allVersions);
        var bounds = line is null ? null : MaintenanceLine.Bounds(line, stableBase, allVersions);
        commits = WithoutReleaseCommit(commits, naming.TagFor(next));
        var existing = allVersions.Where(t => t.Version.CompareTo(next) == 0).OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault();
        string? nothing = bump.Kind == BumpKind.None ? bump.Reason
            : commits.Count == 0 && !bump.Forced ? (rangeBase is null ? "there are no commits to release" : $"there are no commits since {rangeBase.Name}")
            : null;
        var (status, conflict) = nothing is not null ? (ReleaseStatus.NothingToRelease, (VersionTag?)null)
            : bounds is not null && !bounds.Contains(next) ? (ReleaseStatus.OutOfRange, null)
            : existing is not null ? (ReleaseStatus.VersionExists, existing)
            : current is not null && next <= current.Version ? (ReleaseStatus.NotHigher, current)
            : (ReleaseStatus.Ready, null);
        return new ReleasePlan
        {
            Current = current,
            Base = rangeBase,
            Bump = bump,
            Next = next,
            NextTag = naming.TagFor(next),
            Commits = commits,
            Changelog = SeedTemplate.List(commits),
            TagExistsAtHead = false,
            Status = status,
            NothingToRelease = nothing,
            Conflict = conflict,
            Line = line is null ? null : branch,
            Bounds = bounds,
        };
    }

    /// <summary>
    /// A re-run finds HEAD on this release's own commit (tagged or not yet): the release is the commits before it, as the
    /// first run saw them, so the tag message is the one the first run wrote (and checks an existing tag against).
    /// </summary>
    private static IReadOnlyList<Commit> WithoutReleaseCommit(IReadOnlyList<Commit> commits, string tag) =>
        commits.Count > 0 && ReleaseCommit.Tags(commits[0]).Contains(tag) ? [.. commits.Skip(1)] : commits;

    /// <summary>The annotated tag's message: "Release vX.Y.Z", a blank line, the changelog.</summary>
    public static string TagMessage(ReleasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var message = plan.Changelog.Length == 0 ? $"Release {plan.NextTag}\n" : $"Release {plan.NextTag}\n\n{plan.Changelog.TrimEnd('\n')}\n";
        return plan.SkippedGates.Count == 0 ? message : $"{message}\n{string.Concat(plan.SkippedGates.Select(s => s.TagLine + "\n"))}";
    }

    /// <summary>The release line once the tags on HEAD (highest first) are counted too.</summary>
    public static ReleaseLine WithHeadTags(ReleaseLine beforeHead, IReadOnlyList<VersionTag> headTags)
    {
        ArgumentNullException.ThrowIfNull(beforeHead);
        ArgumentNullException.ThrowIfNull(headTags);
        var latest = beforeHead.Latest;
        var stable = beforeHead.LatestStable;
        foreach (var tag in headTags)
        {
            if (latest is null || tag.Version > latest.Version)
            {
                latest = tag;
            }

            if (!tag.Version.IsPrerelease && (stable is null || tag.Version > stable.Version))
            {
                stable = tag;
            }
        }

        return new ReleaseLine(latest, stable);
    }

    /// <summary>target-id.N where N follows the highest existing target-id.N anywhere in the repository.</summary>
    private static SemanticVersion NextPrerelease(SemanticVersion target, string id, IReadOnlyCollection<VersionTag> all)
    {
        long highest = 0;
        foreach (var tag in all)
        {
            var v = tag.Version;
            if (v.Major != target.Major || v.Minor != target.Minor || v.Patch != target.Patch || v.Prerelease.Length != 2 || v.Prerelease[0] != id)
            {
                continue;
            }

            if (long.TryParse(v.Prerelease[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > highest)
            {
                highest = n;
            }
        }

        return target.WithPrerelease(id, (highest + 1).ToString(CultureInfo.InvariantCulture));
    }
}
