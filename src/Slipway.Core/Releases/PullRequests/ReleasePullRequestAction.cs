namespace Slipway.Core.Releases.PullRequests;

/// <summary>What `ci release-pr` does to the pull request.</summary>
public enum ReleasePullRequestChange
{
    /// <summary>The open pull request already shows the proposal (or there is none and nothing to propose).</summary>
    Nothing,

    /// <summary>Open a pull request for the proposal.</summary>
    Create,

    /// <summary>Rewrite the open pull request's title and/or body (and add the pending label when it lacks it).</summary>
    Update,

    /// <summary>Close the open pull request: nothing is releasable any more.</summary>
    Close,

    /// <summary>A person closed the pull request for this very proposal: leave it closed until the proposal changes.</summary>
    StayClosed,
}

/// <summary>The decision: the change, the fields to send (null: leave as is), the labels to add, and whether the release branch should exist.</summary>
public sealed record ReleasePullRequestAction(ReleasePullRequestChange Change, string Reason)
{
    public long? Number { get; init; }

    public string? Title { get; init; }

    public string? Body { get; init; }

    public IReadOnlyList<string> AddLabels { get; init; } = [];

    /// <summary>True when the release branch should hold the proposal's commit; false when it should be deleted (or stay absent).</summary>
    public bool KeepBranch { get; init; }
}
