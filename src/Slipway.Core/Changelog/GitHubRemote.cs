using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Slipway.Core.Git;

namespace Slipway.Core.Changelog;

/// <summary>A GitHub repository (owner/name) read from a git remote URL, and the links into it.</summary>
public sealed record GitHubRemote(string Owner, string Name)
{
    public string Url => $"https://github.com/{Owner}/{Name}";

    /// <summary>Reads a remote on github.com (https, ssh, scp-like git@github.com:o/r.git, git://) naming owner/name; anything else is not GitHub.</summary>
    public static bool TryParse(string? remoteUrl, [NotNullWhen(true)] out GitHubRemote? remote)
    {
        remote = null;
        if (!RemoteUrl.TryParse(remoteUrl, out var url) || url.Host != "github.com" || url.Segments is not [var owner, var name]
            || !IsName(owner) || !IsName(name))
        {
            return false;
        }

        remote = new GitHubRemote(owner, name);
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
