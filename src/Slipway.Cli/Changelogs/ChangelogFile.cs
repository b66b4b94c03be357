using Slipway.Adapters.Files;
using Slipway.Core.Changelog;
using Slipway.Core.Changelog.Templates;

namespace Slipway.Cli.Changelogs;

/// <summary>The Keep a Changelog file (changelog.file, CHANGELOG.md by default): what it would become with a release merged in, and writing it.</summary>
public static class ChangelogFile
{
    public const string DefaultPath = "CHANGELOG.md";

    /// <summary>The file's new content with the release's section and links, or null when it already has that version.</summary>
    /// <param name="existing">The file as it is (null when it does not exist).</param>
    /// <param name="template">A Liquid template renders the section itself; the built-ins use Keep a Changelog's form.</param>
    public static TextFile? Merged(TextFile? existing, ChangelogRelease release, GitHubRemote? remote, IChangelogTemplate template)
    {
        var version = release.Version ?? throw new InvalidOperationException("only a released version can be written to the changelog file");
        if (existing is not null && ChangelogFileMerger.HasVersion(existing.Text, version))
        {
            return null;
        }

        var section = template is LiquidTemplate
            ? template.Render(new ChangelogDocument([release], remote)).ReplaceLineEndings("\n")
            : KeepAChangelogTemplate.Section(release, remote);
        if (!section.EndsWith('\n'))
        {
            section += "\n";
        }

        var releaseLink = KeepAChangelogTemplate.LinkLine(release, remote);
        var unreleasedLink = remote is null ? null : $"[Unreleased]: {remote.CompareUrl(release.Tag, "HEAD")}";
        // The entries `changelog --write` may have put under Unreleased for these commits (in Keep a Changelog's form) move into the section.
        var generated = (section + KeepAChangelogTemplate.Section(release, remote))
            .Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("  ", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var text = ChangelogFileMerger.Merge(existing?.Text, version, section, releaseLink, unreleasedLink, generated);
        return new TextFile(text, existing?.Utf8Bom ?? false);
    }
}
