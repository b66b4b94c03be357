using System.Text;
using Slipway.Core.Commits;

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

            text.Append(List(release.Entries.Select(e => e.Commit)));
        }

        return text.ToString();
    }

    /// <summary>One line per commit, "- subject (abc1234)", in the order given (newest first): also the plan's changelog when no template is configured.</summary>
    public static string List(IEnumerable<Commit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var text = new StringBuilder();
        foreach (var commit in commits)
        {
            text.Append("- ").Append(commit.Subject).Append(" (").Append(commit.ShortSha).Append(")\n");
        }

        return text.ToString();
    }
}
