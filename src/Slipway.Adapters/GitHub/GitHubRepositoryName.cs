using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Slipway.Adapters.GitHub;

/// <summary>A repository on GitHub, owner/name, read from "owner/name" or from a git remote URL (https, ssh, scp-like).</summary>
public sealed partial record GitHubRepositoryName(string Owner, string Name)
{
    public override string ToString() => $"{Owner}/{Name}";

    /// <summary>The API path of the repository, each part escaped: "repos/owner/name".</summary>
    public string ApiPath => $"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Name)}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out GitHubRepositoryName? name)
    {
        name = null;
        var match = text is null ? null : OwnerSlashName().Match(text.Trim());
        if (match is not { Success: true } || match.Groups["name"].Value is "." or "..")
        {
            return false;
        }

        name = new GitHubRepositoryName(match.Groups["owner"].Value, match.Groups["name"].Value);
        return true;
    }

    /// <summary>owner/name from a remote URL: https://host/owner/name(.git), ssh://git@host[:port]/owner/name(.git), git@host:owner/name(.git).</summary>
    public static bool TryFromRemoteUrl(string? url, [NotNullWhen(true)] out GitHubRepositoryName? name)
    {
        name = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var text = url.Trim();
        string path;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "ssh" or "git"))
            {
                return false;
            }

            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }
        else
        {
            var scp = ScpLike().Match(text);
            if (!scp.Success)
            {
                return false;
            }

            path = scp.Groups["path"].Value;
        }

        path = path.Trim('/');
        if (path.EndsWith(".git", StringComparison.Ordinal))
        {
            path = path[..^4];
        }

        // GitHub Enterprise may serve under a prefix; the repository is always the last two segments.
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && TryParse($"{parts[^2]}/{parts[^1]}", out name);
    }

    [GeneratedRegex(@"^(?<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?<name>[A-Za-z0-9._-]{1,100})$")]
    private static partial Regex OwnerSlashName();

    [GeneratedRegex(@"^(?:[^@/\s]+@)?[^:/\s]+:(?<path>[^\s]+)$")]
    private static partial Regex ScpLike();
}
