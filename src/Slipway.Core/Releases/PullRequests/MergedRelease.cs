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
}
