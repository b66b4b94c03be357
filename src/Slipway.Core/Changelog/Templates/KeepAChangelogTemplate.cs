using System.Globalization;
using System.Text;

namespace Slipway.Core.Changelog.Templates;

/// <summary>Keep a Changelog 1.1.0: "## [1.3.0] - 2026-11-26", "### Added" sections, compare links at the bottom.</summary>
public sealed class KeepAChangelogTemplate : IChangelogTemplate
{
    public const string TemplateName = "keepachangelog";

    public const string Header = """
        # Changelog

        All notable changes to this project will be documented in this file.

        The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
        and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

        """;

    public string Name => TemplateName;

    public string Render(ChangelogDocument document)
    {
        var text = new StringBuilder();
        if (document.IsWholeHistory)
        {
            text.Append(Header.ReplaceLineEndings("\n")).Append('\n');
        }

        for (var i = 0; i < document.Releases.Count; i++)
        {
            text.Append(i > 0 ? "\n" : string.Empty).Append(Section(document.Releases[i], document.Remote));
        }

        var links = document.Releases.Select(r => LinkLine(r, document.Remote)).OfType<string>().ToList();
        if (links.Count > 0)
        {
            text.Append('\n');
            foreach (var link in links)
            {
                text.Append(link).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>"## [1.3.0] - 2026-11-26" (or "## [Unreleased]"), its sections, one blank line between blocks, ending in a newline.</summary>
    public static string Section(ChangelogRelease release, GitHubRemote? remote)
    {
        var text = new StringBuilder();
        text.Append(Heading(release)).Append('\n');
        MarkdownSections.Append(text, release, remote, breakingHeading: "" + ChangelogSection.BreakingTitle);

        return text.ToString();
    }

    public static string Heading(ChangelogRelease release) => release.Version is null
        ? "## [Unreleased]"
        : release.Date is { } date
            ? $"## [{release.Version}] - {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : $"## [{release.Version}]";

    /// <summary>"[1.3.0]: https://github.com/o/r/compare/v1.2.0...v1.3.0", or null when the remote is not GitHub.</summary>
    public static string? LinkLine(ChangelogRelease release, GitHubRemote? remote)
    {
        if (remote is null)
        {
            return null;
        }

        return release.Tag is null
            ? release.PreviousTag is null ? null : $"[Unreleased]: {remote.CompareUrl(release.PreviousTag, "HEAD")}"
            : $"[{release.Version}]: {remote.CompareUrl(release.PreviousTag, release.Tag)}";
    }
}
