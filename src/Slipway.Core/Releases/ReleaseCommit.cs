using Slipway.Core.Commits;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases;

/// <summary>The commit `release` makes for CHANGELOG.md and version files: `chore(release): vX.Y.Z`.</summary>
public static class ReleaseCommit
{
    private const string Prefix = "chore(release): ";

    public static string Message(string tag) => Prefix + tag + "\n";

    /// <summary>True for a release commit of a version tag; the changelog leaves these out (they are the release, not a change).</summary>
    public static bool Is(Commit commit, TagNaming naming)
    {
        var subject = commit.Subject;
        return subject.StartsWith(Prefix, StringComparison.Ordinal) && naming.TryParse(subject[Prefix.Length..], out _);
    }
}
