using System.Diagnostics.CodeAnalysis;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases.PullRequests;

/// <summary>The `Slipway-Release: vX.Y.Z` trailer that marks a release pull request's commit, so that its merge (merge, squash or
/// rebase) is recognised by what the commit says it is, not by its subject (which GitHub rewrites on a squash: "... (#12)").</summary>
public static class ReleaseTrailer
{
    public const string Key = "Slipway-Release";

    /// <summary>The release commit's message: `chore(release): vX.Y.Z`, then the trailer.</summary>
    public static string Message(string tag) => $"{ReleaseCommit.Message(tag).TrimEnd('\n')}\n\n{Key}: {tag}\n";

    /// <summary>The version a commit message's trailer names (in its last paragraph, where git and GitHub keep trailers), or false.</summary>
    public static bool TryRead(string message, TagNaming naming, [NotNullWhen(true)] out SemanticVersion? version)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(naming);
        version = null;
        var paragraphs = message.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split("\n\n");
        if (paragraphs.Length < 2)
        {
            return false; // a subject alone is not a trailer
        }

        foreach (var line in paragraphs[^1].Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && string.Equals(line[..colon].Trim(), Key, StringComparison.OrdinalIgnoreCase) && naming.TryParse(line[(colon + 1)..].Trim(), out var found))
            {
                version = found;
                return true;
            }
        }

        return false;
    }
}
