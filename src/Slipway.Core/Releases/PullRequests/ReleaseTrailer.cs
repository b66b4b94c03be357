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

    /// <summary>A monorepo's release commit: `chore(release): core-v1.0.1, cli-v2.0.1`, then one trailer per tag (git's trailers repeat a key).</summary>
    public static string Message(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.Count == 1 ? Message(tags[0])
            : $"{ReleaseCommit.Message(tags).TrimEnd('\n')}\n\n{string.Concat(tags.Select(t => $"{Key}: {t}\n"))}";
    }

    /// <summary>The release commit's message with a paragraph between its subject and its trailers (a package's own pull request names the
    /// dependency versions its manifest's ranges follow, so a commit made for another proposal of them is told from one changed by hand).</summary>
    public static string Message(IReadOnlyList<string> tags, string? paragraph)
    {
        var message = Message(tags);
        if (string.IsNullOrWhiteSpace(paragraph))
        {
            return message;
        }

        var split = message.IndexOf("\n\n", StringComparison.Ordinal);
        return $"{message[..split]}\n\n{paragraph.Trim('\n')}\n\n{message[(split + 2)..]}";
    }

    /// <summary>Every tag the message's trailers name, in order (none when it has no trailer paragraph); the caller decides which are versions.</summary>
    public static IReadOnlyList<string> Tags(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var paragraphs = message.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split("\n\n");
        if (paragraphs.Length < 2)
        {
            return []; // a subject alone is not a trailer
        }

        var tags = new List<string>();
        foreach (var line in paragraphs[^1].Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && string.Equals(line[..colon].Trim(), Key, StringComparison.OrdinalIgnoreCase) && line[(colon + 1)..].Trim() is { Length: > 0 } tag)
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    /// <summary>The version a commit message's trailer names (in its last paragraph, where git and GitHub keep trailers), or false.</summary>
    public static bool TryRead(string message, TagNaming naming, [NotNullWhen(true)] out SemanticVersion? version)
    {
        ArgumentNullException.ThrowIfNull(naming);
        foreach (var tag in Tags(message))
        {
            if (naming.TryParse(tag, out var found))
            {
                version = found;
                return true;
            }
        }

        version = null;
        return false;
    }
}
