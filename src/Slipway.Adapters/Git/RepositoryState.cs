namespace Slipway.Adapters.Git;

/// <summary>What one `git rev-parse` says about the repository: where it is, whether it is shallow, what HEAD is.</summary>
/// <param name="Branch">The checked-out branch (short name), or null on a detached HEAD.</param>
/// <param name="Head">The commit HEAD points at, or null in a repository with no commits yet.</param>
public sealed record RepositoryState(string TopLevel, bool IsShallow, string? Branch, string? Head)
{
    /// <summary>The repository's common git directory (refs and objects; the main one for a linked worktree), absolute.</summary>
    public string? CommonDirectory { get; init; }
}
