using Slipway.Core.Changelog;

namespace Slipway.Core.Configuration;

/// <summary>The `changelog:` section: which file to keep, which template renders, how commits are grouped.</summary>
public sealed record ChangelogConfig
{
    /// <summary>The Keep a Changelog file `release` and `changelog --write` update (e.g. CHANGELOG.md), or null for none.</summary>
    public string? File { get; init; }

    /// <summary>A built-in template name (seed, keepachangelog, github) or a path to a Liquid file; null when not configured.</summary>
    public string? Template { get; init; }

    /// <summary>The groups of a release, in order, each with the commit types it holds.</summary>
    public IReadOnlyList<ChangelogSection> Sections { get; init; } = ChangelogSection.Defaults;

    /// <summary>List the authors of each release.</summary>
    public bool Contributors { get; init; }
}
