using System.Text;

namespace Slipway.Core.Changelog.Templates;

/// <summary>GitHub release notes: "## What's Changed", breaking changes first, the sections, contributors, and the "Full Changelog" compare link.</summary>
public sealed class GitHubReleaseTemplate : IChangelogTemplate
{
    public const string TemplateName = "github";

    public string Name => TemplateName;

    public string Render(ChangelogDocument document)
    {
        var text = new StringBuilder();
        var headings = document.Releases.Count > 1;
        foreach (var release in document.Releases)
        {
            if (headings)
            {
                text.Append(text.Length > 0 ? "\n" : string.Empty).Append("# ").Append(release.Tag ?? "Unreleased").Append("\n\n");
            }

            Release(text, release, document.Remote);
        }

        return text.ToString();
    }

    private static void Release(StringBuilder text, ChangelogRelease release, GitHubRemote? remote)
    {
        text.Append("## What's Changed\n");
        if (release.Entries.Count == 0)
        {
            text.Append("\nNo changes.\n");
        }

        MarkdownSections.Append(text, release, remote, breakingHeading: "⚠ " + ChangelogSection.BreakingTitle);

        if (remote is not null && release.Tag is not null)
        {
            text.Append("\n**Full Changelog**: ").Append(remote.CompareUrl(release.PreviousTag, release.Tag)).Append('\n');
        }
    }
}
