namespace Slipway.Cli.Publishing;

/// <summary>What publishing did (or, in a dry run, would do) to the GitHub release: the data behind the text and the --json output.</summary>
public sealed record PublishOutcome(
    string Repository,
    string Tag,
    string Title,
    ReleaseAction Action,
    IReadOnlyList<string> Changes,
    bool Draft,
    bool Prerelease,
    bool Latest,
    string? Url,
    string Notes,
    IReadOnlyList<AssetOutcome> Assets,
    bool DryRun)
{
    /// <summary>True when neither the release nor any asset changed (a re-run of a finished publish).</summary>
    public bool NothingChanged => Action == ReleaseAction.Unchanged && Assets.All(a => a.Action == AssetAction.Skipped);
}

/// <summary>What happened to the release itself.</summary>
public enum ReleaseAction
{
    Created,
    Updated,
    Unchanged,
}
