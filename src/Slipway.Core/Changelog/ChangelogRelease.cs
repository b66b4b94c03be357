namespace Slipway.Core.Changelog;

/// <summary>One release of the changelog (or the unreleased commits): its version, dates and grouped entries.</summary>
public sealed record ChangelogRelease
{
    /// <summary>The version without the tag prefix (1.3.0), or null for the unreleased commits.</summary>
    public string? Version { get; init; }

    /// <summary>The tag the release has or will have (v1.3.0), or null for the unreleased commits.</summary>
    public string? Tag { get; init; }

    /// <summary>The tag of the release before it (the range starts after it), or null for the first release.</summary>
    public string? PreviousTag { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>Every entry of the release, newest first (release commits left out).</summary>
    public required IReadOnlyList<ChangelogEntry> Entries { get; init; }

    /// <summary>The breaking entries, shown first; they are not repeated in <see cref="Groups"/>.</summary>
    public required IReadOnlyList<ChangelogEntry> Breaking { get; init; }

    /// <summary>The non-empty sections in the configured order, "Other" last.</summary>
    public required IReadOnlyList<ChangelogGroup> Groups { get; init; }

    /// <summary>The distinct authors, in order of their first commit (oldest first); empty unless contributors are on.</summary>
    public IReadOnlyList<Contributor> Contributors { get; init; } = [];

    public bool IsUnreleased => Version is null;
}
