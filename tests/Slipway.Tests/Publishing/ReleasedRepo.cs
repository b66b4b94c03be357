using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Publishing;

/// <summary>A repository with a remote and a local GitHub API: releases are tagged and pushed, then published.</summary>
public sealed class ReleasedRepo : IDisposable
{
    public ReleasedRepo(string? config = null)
    {
        Repo.Git("remote", "add", "origin", Remote.Url);
        if (config is not null)
        {
            Repo.WriteFile("slipway.yml", config);
            Repo.Git("add", "slipway.yml");
        }
    }

    public GitRepo Repo { get; } = new();

    public BareRemote Remote { get; } = new();

    public GitHubApi Api { get; } = new();

    /// <summary>Commits, then tags HEAD with the version and pushes both; returns the tagged commit.</summary>
    public string Release(string version, params string[] messages)
    {
        foreach (var message in messages)
        {
            Repo.Commit(message);
        }

        Repo.Tag($"v{version}");
        Repo.Git("push", "--quiet", "origin", "HEAD", $"refs/tags/v{version}");
        return Repo.Head;
    }

    public RunResult Publish(params string[] arguments) => Repo.Slipway(Api.Environment, ["publish", .. arguments]);

    public RunResult Publish(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Repo.Slipway(environment, ["publish", .. arguments]);

    public void Dispose()
    {
        Repo.Dispose();
        Remote.Dispose();
        Api.Dispose();
    }
}
