using System.Text.RegularExpressions;

namespace Slipway.Core.Images;

/// <summary>Classifies a semver/pep440 pattern by the placeholders it uses.</summary>
internal static partial class FloatingScopes
{
    public static FloatingScope Of(string pattern) =>
        ExactPlaceholder().IsMatch(pattern) ? FloatingScope.Exact
        : Placeholder("minor").IsMatch(pattern) ? FloatingScope.Minor
        : Placeholder("major").IsMatch(pattern) ? FloatingScope.Major
        : FloatingScope.Overall;

    /// <summary>Whether the pattern names the whole version ({{version}} or {{raw}}), so a prerelease renders it as written.</summary>
    public static bool HasFullVersion(string pattern) => FullVersionPlaceholder().IsMatch(pattern);

    /// <summary>Exactly {{raw}}: metadata-action renders it even for prereleases.</summary>
    public static bool IsRaw(string pattern) => RawOnly().IsMatch(pattern);

    private static Regex Placeholder(string name) => name == "minor" ? MinorPlaceholder() : MajorPlaceholder();

    [GeneratedRegex(@"\{\{\{?\s*(version|raw|patch|prerelease|build)\b")]
    private static partial Regex ExactPlaceholder();

    [GeneratedRegex(@"\{\{\{?\s*(version|raw)\b")]
    private static partial Regex FullVersionPlaceholder();

    [GeneratedRegex(@"\{\{\{?\s*minor\b")]
    private static partial Regex MinorPlaceholder();

    [GeneratedRegex(@"\{\{\{?\s*major\b")]
    private static partial Regex MajorPlaceholder();

    [GeneratedRegex(@"^\{\{\s*raw\s*\}\}$")]
    private static partial Regex RawOnly();
}
