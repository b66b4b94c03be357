namespace Slipway.Tests.Fixtures.GitHub;

/// <summary>A pull request as the GitHub double stores it.</summary>
public sealed class FakePull
{
    public required long Number { get; init; }

    public required string Head { get; init; }

    public required string Base { get; set; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    /// <summary>open or closed.</summary>
    public string State { get; set; } = "open";

    /// <summary>The head branch's commit when the pull request was last opened or updated (null when the double is not told the branches).</summary>
    public string? HeadSha { get; set; }

    public string? MergeCommitSha { get; set; }

    public bool Merged => MergeCommitSha is not null;

    public List<string> Labels { get; } = [];

    /// <summary>The commits the pull request brought (GitHub's commits/{sha}/pulls finds it by any of them, or by its merge commit).</summary>
    public List<string> Commits { get; } = [];

    /// <summary>Its reviews, oldest first: reviewer and state (APPROVED, CHANGES_REQUESTED, COMMENTED).</summary>
    public List<(string Reviewer, string State)> Reviews { get; } = [];
}
