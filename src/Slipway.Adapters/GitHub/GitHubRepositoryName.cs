using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Slipway.Core.Git;

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

    /// <summary>owner/name from a remote URL: the last two segments of its path (GitHub Enterprise may serve under a prefix).</summary>
    public static bool TryFromRemoteUrl(string? url, [NotNullWhen(true)] out GitHubRepositoryName? name)
    {
        name = null;
        return RemoteUrl.TryParse(url, out var remote) && remote.Segments is [.., var owner, var repository]
            && TryParse($"{owner}/{repository}", out name);
    }

    [GeneratedRegex(@"^(?<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?<name>[A-Za-z0-9._-]{1,100})$")]
    private static partial Regex OwnerSlashName();
}
