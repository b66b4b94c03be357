using Slipway.Core.Commits;

namespace Slipway.Core.Changelog;

/// <summary>One commit as the changelog shows it: its conventional parts when it has them, its subject when not.</summary>
public sealed record ChangelogEntry
{
    public required Commit Commit { get; init; }

    public required ConventionalCommit Parsed { get; init; }

    /// <summary>The description of a conventional commit, the whole subject of any other.</summary>
    public required string Description { get; init; }

    /// <summary>The text of the BREAKING CHANGE footer, or the description when the break is only marked with '!'.</summary>
    public string? BreakingNote { get; init; }

    public IReadOnlyList<IssueReference> Issues { get; init; } = [];

    public string? Type => Parsed.Type;

    public string? Scope => Parsed.Scope;

    public bool IsBreaking => Parsed.IsBreaking;
}
