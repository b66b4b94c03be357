using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Slipway.Core.Changelog;

/// <summary>A GitHub repository (owner/name) read from a git remote URL, and the links into it.</summary>
public sealed record GitHubRemote(string Owner, string Name)
{
    public string Url => $"https://github.com/{Owner}/{Name}";

    /// <summary>Reads https://github.com/o/r(.git), git@github.com:o/r.git, ssh://git@github.com/o/r and git://github.com/o/r; anything else is not GitHub.</summary>
    public static bool TryParse(string? remoteUrl, [NotNullWhen(true)] out GitHubRemote? remote)
    {
        remote = null;
        if (string.IsNullOrWhiteSpace(remoteUrl))
        {
            return false;
        }

        var url = remoteUrl.Trim();
        string path;
        const string scpPrefix = "git@github.com:";
        if (url.StartsWith(scpPrefix, StringComparison.OrdinalIgnoreCase))
        {
            path = url[scpPrefix.Length..];
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http" or "ssh" or "git" or "git+ssh"
            && string.Equals(uri.Host, "github.com", StringComparison.OrdinalIgnoreCase))
        {
            // User info (a token in an https URL) is dropped: only owner and name are kept.
            path = uri.AbsolutePath.TrimStart('/');
        }
        else
        {
            return false;
        }

        path = path.TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^4];
        }

        var parts = path.Split('/');
        if (parts.Length != 2 || !IsName(parts[0]) || !IsName(parts[1]))
        {
            return false;
        }

        remote = new GitHubRemote(parts[0], parts[1]);
        return true;
    }

    public string CommitUrl(string sha) => $"{Url}/commit/{sha}";

    public string IssueUrl(int number) => $"{Url}/issues/{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The compare view between two refs; the first release (no previous tag) links to its tag instead.</summary>
    public string CompareUrl(string? from, string to) =>
        from is null ? $"{Url}/releases/tag/{Uri.EscapeDataString(to)}" : $"{Url}/compare/{Uri.EscapeDataString(from)}...{Uri.EscapeDataString(to)}";

    private static bool IsName(string part) =>
        part.Length is > 0 and <= 100 && part != "." && part != ".." && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
