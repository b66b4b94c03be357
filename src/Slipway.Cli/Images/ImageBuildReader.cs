using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing;
using Slipway.Core.Errors;
using Slipway.Core.Git;
using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Images;

/// <summary>Reads what a build is of: the GitHub Actions event (GITHUB_REF, GITHUB_SHA, …) when there is one, else the local repository's HEAD.</summary>
public static partial class ImageBuildReader
{
    /// <summary>The build in <paramref name="repo"/>; <paramref name="versionText"/> (1.2.3 or v1.2.3) overrides the version found.</summary>
    /// <remarks>The Actions facts come from the workspace's environment (<see cref="Workspace.Actions"/>), the time from its clock's build time.</remarks>
    public static async Task<ImageBuild> ReadAsync(Workspace repo, string? versionText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var config = repo.Config;
        var actions = repo.Actions;
        var payload = actions.ReadEvent();
        var inActions = actions.HasEvent;
        var sha = inActions ? actions.Sha ?? repo.State.Head ?? string.Empty : repo.State.Head ?? string.Empty;
        var headTag = repo.HeadTags.Count > 0 ? repo.HeadTags[0] : null;
        var githubRef = actions.Ref ?? string.Empty;
        var version = versionText is not null ? repo.Naming.ParseVersion(versionText)
            : headTag?.Version
            ?? (githubRef.StartsWith("refs/tags/", StringComparison.Ordinal) && repo.Naming.TryParse(githubRef["refs/tags/".Length..], out var tagged) ? tagged : null);

        // Outside Actions the ref is HEAD's: the version's tag when HEAD carries it, else the branch checked out.
        var releaseTag = version is null ? null : repo.HeadTags.FirstOrDefault(t => t.Version == version);
        var reference = inActions ? githubRef
            : releaseTag is not null ? $"refs/tags/{releaseTag.Name}"
            : repo.State.Branch is { } branch ? $"refs/heads/{branch}"
            : string.Empty;

        var isTag = reference.StartsWith("refs/tags/", StringComparison.Ordinal);
        var context = new ImageBuildContext
        {
            EventName = inActions ? actions.EventName ?? string.Empty : string.Empty,
            Ref = reference,
            Sha = sha,
            DefaultBranch = payload.DefaultBranch ?? config.Branch,
            EventDefaultBranch = payload.DefaultBranch ?? config.Branch,
            BaseRef = isTag ? payload.BaseRef : reference.StartsWith("refs/pull/", StringComparison.Ordinal) ? actions.BaseRef ?? payload.PullRequestBaseRef : null,
            HeadRef = inActions ? actions.HeadRef : null,
            TagBranch = isTag ? await ReleaseBranchAsync(repo, sha, payload.BaseRef, cancellationToken).ConfigureAwait(false) : null,
            CommitDate = await CommitDateAsync(repo, sha, cancellationToken).ConfigureAwait(false),
            Now = repo.Clock.BuildTime,
            SourceUrl = await SourceUrlAsync(repo, cancellationToken).ConfigureAwait(false),
            Title = actions.ProjectName(repo.State.TopLevel),
        };
        return new ImageBuild(context, version, [.. repo.VersionTags.Select(t => t.Version)]);
    }

    /// <summary>The release branch containing the tagged commit: the main release branch if it does (locally or on a remote), else a branch `branch:` lists, else the first branch that does, else the event's base_ref.</summary>
    private static async Task<string?> ReleaseBranchAsync(Workspace repo, string sha, string? payloadBaseRef, CancellationToken cancellationToken)
    {
        var fallback = payloadBaseRef is null ? null : payloadBaseRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? payloadBaseRef["refs/heads/".Length..] : payloadBaseRef;
        if (!CommitId().IsMatch(sha))
        {
            return fallback;
        }

        return TagBranch.Choose(await repo.Git.BranchesContainingAsync(sha, cancellationToken).ConfigureAwait(false), repo.Config.Branches, fallback);
    }

    private static async Task<DateTimeOffset?> CommitDateAsync(Workspace repo, string sha, CancellationToken cancellationToken)
    {
        if (!CommitId().IsMatch(sha))
        {
            return null;
        }

        return await repo.Git.CommitterDateAsync(sha, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> SourceUrlAsync(Workspace repo, CancellationToken cancellationToken)
    {
        if (repo.Actions.RepositoryUrl is { } actionsUrl)
        {
            return actionsUrl;
        }

        var url = await repo.Git.RemoteUrlAsync(repo.Config.Remote, cancellationToken).ConfigureAwait(false);
        return url is null ? null : WebUrl(url);
    }

    /// <summary>git@host:owner/repo.git and https://host/owner/repo.git both give https://host/owner/repo; other remotes (file://) have no web page.</summary>
    public static string? WebUrl(string remote) => RemoteUrl.TryParse(remote, out var url) ? url.WebUrl : null;

    [GeneratedRegex("^[0-9a-f]{7,64}$")]
    private static partial Regex CommitId();
}
