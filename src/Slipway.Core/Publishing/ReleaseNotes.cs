using System.Text;

namespace Slipway.Core.Publishing;

/// <summary>The built-in release notes, as the seed's workflow wrote them: the changelog, then how to pull the image and install the chart.</summary>
public static class ReleaseNotes
{
    /// <param name="changelog">The version's changelog as rendered (it brings its own heading).</param>
    /// <param name="pullCommand">`docker pull name:tag` for the version's image, or null when no image is configured.</param>
    /// <param name="helmCommand">The `helm upgrade --install` command for this version, or null when no environment is configured.</param>
    /// <param name="imageScan">The image scan's one line (Image scan: 0 critical, 2 high, …), under the pull command, or null when none ran.</param>
    public static string Default(string changelog, string? pullCommand, string? helmCommand, string? imageScan = null)
    {
        ArgumentNullException.ThrowIfNull(changelog);
        var text = new StringBuilder(changelog.TrimEnd('\n')).Append('\n');
        if (pullCommand is not null)
        {
            text.Append("\n## Docker image\n\n```bash\n").Append(pullCommand).Append("\n```\n");
        }

        if (imageScan is not null)
        {
            text.Append('\n').Append(imageScan).Append('\n');
        }

        if (helmCommand is not null)
        {
            text.Append("\n## Deploy with Helm\n\n```bash\n").Append(helmCommand).Append("\n```\n");
        }

        return text.ToString();
    }
}
