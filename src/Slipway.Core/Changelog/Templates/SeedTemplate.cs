using System.Text;

namespace Slipway.Core.Changelog.Templates;

/// <summary>The seed's changelog: "- subject (abc1234)" per commit, newest first (what its release.sh put in the tag).</summary>
public sealed class SeedTemplate : IChangelogTemplate
{
    public const string TemplateName = "seed";

    public string Name => TemplateName;

    public string Render(ChangelogDocument document)
    {
        var text = new StringBuilder();
        var headings = document.Releases.Count > 1;
        foreach (var release in document.Releases)
        {
            if (headings)
            {
                text.Append(text.Length > 0 ? "\n" : string.Empty).Append(release.Tag ?? "Unreleased").Append("\n\n");
            }

            foreach (var entry in release.Entries)
            {
                text.Append("- ").Append(entry.Commit.Subject).Append(" (").Append(entry.Commit.ShortSha).Append(")\n");
            }
        }

        return text.ToString();
    }
}
