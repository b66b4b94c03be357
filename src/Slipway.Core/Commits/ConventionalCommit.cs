namespace Slipway.Core.Commits;

/// <summary>
/// A commit message read as Conventional Commits 1.0.0: type, scope, breaking, description, body and footers.
/// A message that is not conventional is kept with <see cref="IsConventional"/> false ("other"), never dropped.
/// </summary>
public sealed record ConventionalCommit
{
    /// <summary>True when the header matches &lt;type&gt;[(&lt;scope&gt;)][!]: &lt;description&gt;.</summary>
    public required bool IsConventional { get; init; }

    /// <summary>The type exactly as written (case preserved), or null when not conventional.</summary>
    public string? Type { get; init; }

    public string? Scope { get; init; }

    /// <summary>'!' before the colon, or a BREAKING CHANGE / BREAKING-CHANGE footer.</summary>
    public bool IsBreaking { get; init; }

    public string? Description { get; init; }

    /// <summary>The body (CRLF normalised to LF, trimmed), or null when absent.</summary>
    public string? Body { get; init; }

    /// <summary>The footers in order (token and value).</summary>
    public IReadOnlyList<CommitFooter> Footers { get; init; } = [];

    /// <summary>The commit named by a "This reverts commit SHA" line (git's revert message), conventional or not; null otherwise.</summary>
    public string? RevertedSha { get; init; }
}

/// <summary>One footer of a conventional commit: "Token: value" or "Token #value".</summary>
public sealed record CommitFooter(string Token, string Value);
