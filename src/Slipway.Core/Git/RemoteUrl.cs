using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Slipway.Core.Git;

/// <summary>
/// Where a git remote lives, as a web host sees it: the host (with its port for http(s)) and the repository's path
/// (`owner/name`, or `group/sub/name`, without `.git`). The one reader of remote URLs: the changelog's GitHub links, the
/// GitHub API target and the image's `source` label all start here. Credentials in a URL are dropped.
/// </summary>
public sealed partial record RemoteUrl(string Host, string Path)
{
    /// <summary>The path's segments: the last two are the owner and the name on GitHub (GitHub Enterprise may serve under a prefix).</summary>
    public IReadOnlyList<string> Segments => Path.Split('/');

    /// <summary>The repository's web page: https://host/path.</summary>
    public string WebUrl => $"https://{Host}/{Path}";

    /// <summary>
    /// Reads https://host[:port]/path(.git), http://…, ssh://[user@]host[:port]/path, git://host/path, git+ssh://… and the
    /// scp-like user@host:path. A local path or file:// URL has no host: false.
    /// </summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out RemoteUrl? remote)
    {
        remote = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var text = url.Trim();
        string host;
        string path;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "ssh" or "git" or "git+ssh") || uri.Host.Length == 0)
            {
                return false;
            }

            // A web address keeps its port; an ssh port is not the web server's.
            host = uri.Scheme is "https" or "http" && !uri.IsDefaultPort ? $"{uri.Host}:{uri.Port}" : uri.Host;
            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }
        else if (ScpLike().Match(text) is { Success: true } scp)
        {
            host = scp.Groups["host"].Value;
            path = scp.Groups["path"].Value;
        }
        else
        {
            return false;
        }

        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4].TrimEnd('/');
        }

        if (path.Length == 0 || path.Split('/').Any(s => s.Length == 0 || s is "." or ".."))
        {
            return false;
        }

        remote = new RemoteUrl(host.ToLowerInvariant(), path);
        return true;
    }

    [GeneratedRegex(@"^(?:[^@/\s]+@)?(?<host>[^:/\s@]+):(?<path>[^\s]+)$")]
    private static partial Regex ScpLike();
}
