using System.Text;

namespace Slipway.Core.Changelog.Templates;

/// <summary>The Markdown body of a release shared by the keepachangelog and github templates: breaking changes, then each group, then contributors.</summary>
internal static class MarkdownSections
{
    public static void Append(StringBuilder text, ChangelogRelease release, GitHubRemote? remote, string breakingHeading)
    {
        if (release.Breaking.Count > 0)
        {
            text.Append("\n### ").Append(breakingHeading).Append("\n\n");
            foreach (var entry in release.Breaking)
            {
                MarkdownEntry.Append(text, entry, remote, breaking: true);
            }
        }

        foreach (var group in release.Groups)
        {
            text.Append("\n### ").Append(group.Title).Append("\n\n");
            foreach (var entry in group.Entries)
            {
                MarkdownEntry.Append(text, entry, remote, breaking: false, wholeSubject: group.IsOther);
            }
        }

        if (release.Contributors.Count > 0)
        {
            text.Append("\n### Contributors\n\n");
            foreach (var contributor in release.Contributors)
            {
                text.Append("- ").Append(MarkdownEntry.OneLine(contributor.Name)).Append('\n');
            }
        }
    }
}
