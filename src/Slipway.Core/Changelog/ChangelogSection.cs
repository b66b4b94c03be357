namespace Slipway.Core.Changelog;

/// <summary>One group of a release in the changelog: a title and the Conventional Commit types it holds.</summary>
public sealed record ChangelogSection(string Title, IReadOnlyList<string> Types)
{
    /// <summary>The title of the section that leads every release.</summary>
    public const string BreakingTitle = "Breaking changes";

    /// <summary>The title of the section for non-conventional commits and types no section names.</summary>
    public const string OtherTitle = "Other";

    /// <summary>Keep a Changelog's words for the common types; every other type and non-conventional commits go under "Other".</summary>
    public static readonly IReadOnlyList<ChangelogSection> Defaults =
    [
        new("Added", ["feat"]),
        new("Fixed", ["fix"]),
        new("Performance", ["perf"]),
        new("Changed", ["refactor"]),
        new("Security", ["security"]),
        new("Reverted", ["revert"]),
        new("Documentation", ["docs"]),
    ];
}
