using System.Text.Json;

namespace Slipway.Adapters.Actions;

/// <summary>The few fields of the GitHub Actions event payload ($GITHUB_EVENT_PATH) that image tags use; all optional.</summary>
public sealed record GitHubEvent(string? DefaultBranch, string? BaseRef, string? PullRequestBaseRef)
{
    public static readonly GitHubEvent None = new(null, null, null);

    /// <summary>Reads the payload file; a missing or unreadable file is no payload, not an error (local runs have none).</summary>
    public static GitHubEvent Read(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return new GitHubEvent(
                Text(root, "repository", "default_branch"),
                Text(root, "base_ref"),
                Text(root, "pull_request", "base", "ref"));
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
