using Slipway.Core.Commits;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases;

/// <summary>The commit `release` makes for CHANGELOG.md and version files: `chore(release): vX.Y.Z` (a monorepo's: `chore(release): api-v1.2.0, web-v2.0.1`).</summary>
public static class ReleaseCommit
{
    private const string Prefix = "chore(release): ";

    public static string Message(string tag) => Prefix + tag + "\n";

    /// <summary>One release commit for several tags (a monorepo's packages released together).</summary>
    public static string Message(IReadOnlyList<string> tags) => Prefix + string.Join(", ", tags) + "\n";

    /// <summary>The tags a release commit's subject names (`chore(release): a-v1.0.0, b-v2.0.0`), or none when it is not one.</summary>
    public static IReadOnlyList<string> Tags(Commit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return Tags(commit.Subject);
    }

    /// <summary>The tags a release commit's subject (or a release pull request's title) names, or none when it is not one.</summary>
    public static IReadOnlyList<string> Tags(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.StartsWith(Prefix, StringComparison.Ordinal)
            ? subject[Prefix.Length..].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
    }

    /// <summary>True for a release commit of a version tag (or a release pull request's, by its trailer); the changelog leaves these out (they are the release, not a change).</summary>
    public static bool Is(Commit commit, TagNaming naming)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var subject = commit.Subject;
        // A squash merge of a release pull request says "chore(release): v1.3.0 (#12)": its trailer says what it is.
        return subject.StartsWith(Prefix, StringComparison.Ordinal)
            && (naming.TryParse(subject[Prefix.Length..], out _)
                || Tags(commit).Any(t => naming.TryParse(t, out _))
                || (commit.Message.Contains(PullRequests.ReleaseTrailer.Key, StringComparison.OrdinalIgnoreCase) && PullRequests.ReleaseTrailer.TryRead(commit.Message, naming, out _)));
    }
}
