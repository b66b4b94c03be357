namespace Slipway.Core.Notifications;

/// <summary>One thing to announce, as plain data: every channel's message and the webhook payload are made from it.</summary>
/// <remarks>Text fields come from commits, tags, people and servers: they are data, escaped for each channel, never markup.</remarks>
public sealed record Notification
{
    public required NotificationEvent Event { get; init; }

    /// <summary>The project's name (the GitHub repository's, or the repository folder's).</summary>
    public required string Project { get; init; }

    /// <summary>The semantic version, without the tag prefix (null for a test message).</summary>
    public string? Version { get; init; }

    public string? Tag { get; init; }

    /// <summary>The environment of a deployment event.</summary>
    public string? Environment { get; init; }

    /// <summary>succeeded, failed, rolled_back, blocked (deployments), or test.</summary>
    public required string Outcome { get; init; }

    /// <summary>The version this one replaces: the previous release, or what ran in the environment before.</summary>
    public string? Previous { get; init; }

    /// <summary>The environment a promotion took the version from.</summary>
    public string? From { get; init; }

    /// <summary>Who did it: GITHUB_ACTOR, or the git user.</summary>
    public required string Actor { get; init; }

    /// <summary>Why it failed or was blocked, in Slipway's words.</summary>
    public string? Detail { get; init; }

    /// <summary>The release's page (GitHub), when known.</summary>
    public string? Url { get; init; }

    /// <summary>The CI run that did it (GitHub Actions), when known.</summary>
    public string? RunUrl { get; init; }

    /// <summary>The release notes (Markdown), for release and publish events.</summary>
    public string? Changelog { get; init; }
}
