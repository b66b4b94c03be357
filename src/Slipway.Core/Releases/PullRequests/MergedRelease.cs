using Slipway.Core.Commits;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases.PullRequests;

/// <summary>Finds the merged release pull request's commit on a push to the release branch: the commit whose trailer names a
/// version that is not tagged yet. A commit that landed after it carries no trailer, so the tag goes on the release commit, never a later one.</summary>
public static class MergedRelease
{
    /// <param name="commits">The commits since the last version tag, newest first.</param>
    /// <param name="tags">Every version tag of the repository.</param>
    /// <returns>The release commit and the tag it should get (which may already be on it: a re-run), or null when there is none.</returns>
    public static (Commit Commit, string Tag, SemanticVersion Version)? Find(IReadOnlyList<Commit> commits, IReadOnlyList<VersionTag> tags, TagNaming naming)
    {
        ArgumentNullException.ThrowIfNull(commits);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(naming);
        foreach (var commit in commits)
        {
            if (!commit.Message.Contains(ReleaseTrailer.Key, StringComparison.OrdinalIgnoreCase) || !ReleaseTrailer.TryRead(commit.Message, naming, out var version))
            {
                continue;
            }

            var tag = naming.TagFor(version);
            var existing = tags.FirstOrDefault(t => t.Name == tag);
            if (existing is not null && existing.Commit != commit.Sha)
            {
                throw new SlipwayException(SlipwayError.Precondition(
                    $"tag {tag} already exists on {existing.ShortCommit}, not on the merged release commit {commit.ShortSha}",
                    $"someone released {version} already: delete that tag if it is wrong (git push --delete origin {tag}), or let the next release pull request propose a new version"));
            }

            return (commit, tag, version);
        }

        return null;
    }

    /// <summary>A monorepo's merged release commit: the tags its trailers name (one per package released), none of them on another commit.</summary>
    /// <param name="commit">The newest commit whose trailers name tags.</param>
    /// <param name="tags">Every tag of the repository: its name and the commit it is on.</param>
    /// <param name="isReleaseTag">Whether a tag is a version tag of one of the packages.</param>
    /// <returns>The package tags to put on the commit (some or all may be there already: a re-run); empty when it names none.</returns>
    public static IReadOnlyList<string> Tags(Commit commit, IReadOnlyDictionary<string, string> tags, Func<string, bool> isReleaseTag)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(isReleaseTag);
        var named = ReleaseTrailer.Tags(commit.Message).Where(isReleaseTag).Distinct(StringComparer.Ordinal).ToList();
        if (named.FirstOrDefault(t => tags.TryGetValue(t, out var on) && on != commit.Sha) is { } taken)
        {
            throw new SlipwayException(SlipwayError.Precondition(
                $"tag {taken} already exists on {tags[taken][..7]}, not on the merged release commit {commit.ShortSha}",
                $"someone released it already: delete that tag if it is wrong (git push --delete origin {taken}), or let the next release pull request propose a new version"));
        }

        return named;
    }
}
