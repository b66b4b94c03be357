using System.Globalization;
using System.Text;
using Slipway.Core.Commits;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases;

/// <summary>Decides the next version, its tag and its changelog from what git says. Pure: the same input, the same plan.</summary>
public static class ReleasePlanner
{
    /// <summary>The tag a release range starts after: the last release for a stable release, the last tag of any kind for a prerelease.</summary>
    public static VersionTag? RangeBase(ReleaseLine beforeHead, string? prereleaseId) =>
        prereleaseId is null ? beforeHead.LatestStable : beforeHead.Latest;

    /// <param name="beforeHead">The release line from the tags on HEAD's ancestors, leaving out tags on HEAD itself.</param>
    /// <param name="headTags">Version tags on HEAD itself (a release that tagged and failed, or a manual tag).</param>
    /// <param name="commits">The commits of the release range, newest first.</param>
    /// <param name="allVersions">Every version tag in the repository, reachable or not (to number prereleases and avoid collisions).</param>
    public static ReleasePlan Plan(
        ReleaseLine beforeHead,
        IReadOnlyList<VersionTag> headTags,
        IReadOnlyList<Commit> commits,
        BumpDecision bump,
        string? prereleaseId,
        SemanticVersion initial,
        TagNaming naming,
        IReadOnlyCollection<VersionTag> allVersions,
        Func<IReadOnlyList<Commit>, string>? renderChangelog = null)
    {
        // First as if HEAD were not tagged: when that gives a tag HEAD already has, this is a re-run of that release.
        // Otherwise HEAD's own tags count like any other (a manual tag is a release), so their range is empty.
        var line = beforeHead;
        var (rangeBase, next) = Next(line, bump, prereleaseId, initial, allVersions, headTags);
        var nextTag = naming.TagFor(next);
        var atHead = headTags.Any(t => t.Name == nextTag);
        if (commits.Count > 0 && commits[0].Subject == ReleaseCommit.Message(nextTag).TrimEnd('\n'))
        {
            // A re-run finds HEAD on this release's own commit (tagged or not yet): the release is the commits before it, as the
            // first run saw them, so the tag message is the one the first run wrote (and checks an existing tag against).
            commits = [.. commits.Skip(1)];
        }

        if (!atHead && headTags.Count > 0)
        {
            line = WithHeadTags(beforeHead, headTags);
            (rangeBase, next) = Next(line, bump, prereleaseId, initial, allVersions, headTags);
            nextTag = naming.TagFor(next);
            if (rangeBase is not null && headTags.Contains(rangeBase))
            {
                commits = [];
            }
        }

        var current = WithHeadTags(beforeHead, headTags).Latest;
        string? nothing = null;
        if (!atHead && bump.Kind == BumpKind.None)
        {
            nothing = bump.Reason;
        }
        else if (!atHead && commits.Count == 0)
        {
            nothing = rangeBase is null ? "there are no commits to release" : $"there are no commits since {rangeBase.Name}";
        }

        return new ReleasePlan
        {
            Current = current,
            Base = rangeBase,
            Bump = bump,
            Next = next,
            NextTag = nextTag,
            Commits = commits,
            Changelog = (renderChangelog ?? SeedChangelog)(commits),
            TagExistsAtHead = atHead,
            NothingToRelease = nothing,
        };
    }

    /// <summary>The seed's changelog: one line per commit, "- subject (abc1234)", newest first.</summary>
    public static string SeedChangelog(IReadOnlyList<Commit> commits)
    {
        var text = new StringBuilder();
        foreach (var commit in commits)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {commit.Subject} ({commit.ShortSha})\n");
        }

        return text.ToString();
    }

    /// <summary>The annotated tag's message: "Release vX.Y.Z", a blank line, the changelog.</summary>
    public static string TagMessage(ReleasePlan plan) =>
        plan.Changelog.Length == 0 ? $"Release {plan.NextTag}\n" : $"Release {plan.NextTag}\n\n{plan.Changelog.TrimEnd('\n')}\n";

    private static (VersionTag? RangeBase, SemanticVersion Next) Next(ReleaseLine line, BumpDecision bump, string? prereleaseId,
        SemanticVersion initial, IReadOnlyCollection<VersionTag> allVersions, IReadOnlyList<VersionTag> headTags)
    {
        var target = bump.Apply(line.LatestStable?.Version ?? initial);
        var next = prereleaseId is null ? target : NextPrerelease(target, prereleaseId, allVersions, headTags);
        return (RangeBase(line, prereleaseId), next);
    }

    /// <summary>The release line once the tags on HEAD (highest first) are counted too.</summary>
    public static ReleaseLine WithHeadTags(ReleaseLine beforeHead, IReadOnlyList<VersionTag> headTags)
    {
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

    /// <summary>target-id.N where N follows the highest existing target-id.N (tags on HEAD excluded, so a re-run resumes rather than skipping a number).</summary>
    private static SemanticVersion NextPrerelease(SemanticVersion target, string id, IReadOnlyCollection<VersionTag> all, IReadOnlyList<VersionTag> headTags)
    {
        long highest = 0;
        foreach (var tag in all)
        {
            var v = tag.Version;
            if (v.Major != target.Major || v.Minor != target.Minor || v.Patch != target.Patch || v.Prerelease.Length != 2
                || v.Prerelease[0] != id || headTags.Any(h => h.Name == tag.Name))
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
