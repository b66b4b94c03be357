using Slipway.Adapters.Workspace;
using Slipway.Cli.Notifying;
using Slipway.Cli.Output;
using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing;

/// <summary>What every release step sees: the repository, the plan, the terminal and the options.</summary>
public sealed class ReleaseContext(Workspace repository, ReleasePlan plan, Terminal terminal, ReleaseOptions options)
{
    public Workspace Repository { get; } = repository;

    public ReleasePlan Plan { get; } = plan;

    public Terminal Terminal { get; } = terminal;

    public ReleaseOptions Options { get; } = options;

    public string Remote => Repository.Config.Remote;

    /// <summary>The release branch checked out, which the push sends with the tag (main, release-4.1).</summary>
    public string Branch => Repository.PushBranch;

    /// <summary>slipway.yml's notifiers, told when the tag is pushed and when the GitHub release is published.</summary>
    public CommandNotifications Notifications { get; init; } = CommandNotifications.None;

    /// <summary>The commit the release's tag names on the remote, null when it has no such tag: read once, before the steps' checks.</summary>
    public string? RemoteTagCommit { get; init; }

    /// <summary>Whether the remote answered for <see cref="RemoteTagCommit"/> (a --no-push run goes on without it, or does not ask).</summary>
    public bool RemoteAnswered { get; init; }
}

/// <summary>The release command's switches.</summary>
public sealed record ReleaseOptions(bool DryRun, bool NoPush);
