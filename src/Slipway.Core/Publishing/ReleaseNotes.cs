using System.Text;

namespace Slipway.Core.Publishing;

/// <summary>The built-in release notes, as the seed's workflow wrote them: the changelog, then how to pull the image and install the chart.</summary>
public static class ReleaseNotes
{
    /// <param name="changelog">The version's changelog (may be empty).</param>
    /// <param name="pullCommand">`docker pull name:tag` for the version's image, or null when no image is configured.</param>
    /// <param name="helmCommand">The `helm upgrade --install` command for this version, or null when no environment is configured.</param>
    public static string Default(string changelog, string? pullCommand, string? helmCommand)
    {
        var text = new StringBuilder();
        text.Append("## Changes\n\n");
        text.Append(changelog.Trim().Length == 0 ? "No changes.\n" : changelog.TrimEnd('\n') + "\n");
        if (pullCommand is not null)
        {
            text.Append("\n## Docker image\n\n```bash\n").Append(pullCommand).Append("\n```\n");
        }

        if (helmCommand is not null)
        {
            text.Append("\n## Helm\n\n```bash\n").Append(helmCommand).Append("\n```\n");
        }

        return text.ToString();
    }
}
