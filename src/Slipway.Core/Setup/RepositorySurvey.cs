namespace Slipway.Core.Setup;

/// <summary>What `slipway init` read from a repository, as plain data: its files, the few files' texts it asked for, its remote, branches, tags and recent commits.</summary>
public sealed record RepositorySurvey
{
    /// <summary>The repository's files (tracked, and untracked ones git does not ignore), relative, '/'-separated.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The text of each file <see cref="ProjectDetector.FilesToRead"/> named, by path (files that could not be read are absent).</summary>
    public IReadOnlyDictionary<string, string> Texts { get; init; } = new Dictionary<string, string>();

    /// <summary>The git remotes: name, URL (null when git has none for it) and default branch as the clone recorded it (refs/remotes/NAME/HEAD).</summary>
    public IReadOnlyList<SurveyedRemote> Remotes { get; init; } = [];

    /// <summary>The branch checked out, or null on a detached HEAD or an empty repository.</summary>
    public string? CurrentBranch { get; init; }

    /// <summary>Every tag name.</summary>
    public IReadOnlyList<string> TagNames { get; init; } = [];

    /// <summary>The messages of the most recent commits of HEAD (merges left out), newest first.</summary>
    public IReadOnlyList<string> RecentCommitMessages { get; init; } = [];
}

/// <summary>A git remote as `slipway init` saw it.</summary>
public sealed record SurveyedRemote(string Name, string? Url, string? DefaultBranch);
