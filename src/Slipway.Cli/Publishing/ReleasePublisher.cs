using Slipway.Adapters.GitHub;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing;
using Slipway.Core.Errors;
using Slipway.Core.Publishing;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Publishing;

/// <summary>
/// Creates or updates the GitHub release of a version so that it matches what Slipway computes: title, notes,
/// prerelease, Latest, assets. Idempotent: what already matches is left alone, so a re-run changes nothing.
/// </summary>
public sealed class ReleasePublisher(Workspace repo, Func<string, string?> environment, Action<string>? trace = null)
{
    public async Task<PublishOutcome> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = repo.Naming.ParseVersion(request.Version);
        var tag = repo.Naming.TagFor(version);
        var files = ReleaseAssets.Check(request.Assets);
        var tagCommit = await TagCommitAsync(tag, cancellationToken).ConfigureAwait(false);
        var image = ReleaseImage.For(repo, version, tag, tagCommit);
        if (image is not null && !request.AllowMissingImage)
        {
            await ReleaseImage.CheckExistsAsync(image, repo.Config.Image.Insecure, environment, cancellationToken).ConfigureAwait(false);
        }

        var versionTag = repo.VersionTags.First(t => t.Name == tag) with { Commit = tagCommit };
        var notes = await PublishedNotes.RenderAsync(repo, versionTag, image, request.ImageScan, cancellationToken).ConfigureAwait(false);

        var connection = GitHubConnection.FromEnvironment(environment, GitHubReleases.Permission);
        var name = GitHubTarget.Resolve(environment, repo.Config.Release.GitHub?.Repo, repo.Config.Remote,
            await repo.Git.RemoteUrlAsync(repo.Config.Remote, cancellationToken).ConfigureAwait(false));
        using var http = new GitHubHttp(connection) { Trace = trace };
        var github = new GitHubReleases(http, name);
        _ = await github.GetRepositoryAsync(cancellationToken).ConfigureAwait(false);
        var releases = await github.ListReleasesAsync(cancellationToken).ConfigureAwait(false);
        var existing = await github.GetReleaseByTagAsync(tag, cancellationToken).ConfigureAwait(false)
            ?? releases.FirstOrDefault(r => r.TagName == tag); // drafts are only found in the list

        var known = repo.VersionTags.Select(t => t.Version)
            .Concat(releases.Where(r => !r.Draft && r.TagName != tag).Select(r => repo.Naming.TryParse(r.TagName, out var v) ? v : null).OfType<SemanticVersion>());
        var wanted = new ReleasePublication(tag, version, tag, notes, request.Draft, LatestReleaseRule.IsLatest(version, request.Draft, known));
        var fields = new ReleaseFields(tag, wanted.Title, wanted.Notes, wanted.Draft, wanted.Prerelease, ReleaseFields.Latest(wanted.Latest));

        ReleaseAction action;
        IReadOnlyList<string> changes;
        var release = existing;
        if (existing is null)
        {
            action = ReleaseAction.Created;
            changes = [];
            if (!request.DryRun)
            {
                release = await github.CreateReleaseAsync(fields, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            changes = PublicationChanges.Between(existing.Name, existing.Body, existing.Draft, existing.Prerelease, wanted);
            action = changes.Count == 0 ? ReleaseAction.Unchanged : ReleaseAction.Updated;
            if (changes.Count > 0 && !request.DryRun)
            {
                release = await github.UpdateReleaseAsync(existing.Id, fields, cancellationToken).ConfigureAwait(false);
            }
        }

        var assets = await ReleaseAssets.PublishAsync(github, release, files, request.Clobber, request.DryRun, cancellationToken).ConfigureAwait(false);
        return new PublishOutcome(name.ToString(), tag, wanted.Title, action, changes, wanted.Draft, wanted.Prerelease, wanted.Latest,
            release?.HtmlUrl, wanted.Notes, assets, request.DryRun);
    }

    /// <summary>The tag must exist here (for the changelog) and on the remote with the same commit: GitHub would otherwise create it on its default branch.</summary>
    private async Task<string> TagCommitAsync(string tag, CancellationToken cancellationToken)
    {
        var git = repo.Git;
        var local = await git.RefCommitAsync($"refs/tags/{tag}", cancellationToken).ConfigureAwait(false)
            ?? throw new SlipwayException(SlipwayError.Precondition($"tag {tag} does not exist in this repository",
                $"release it first (slipway release), or fetch it: git fetch {repo.Config.Remote} --tags"));
        var remote = repo.Config.Remote;
        var remotes = await git.RemotesAsync(cancellationToken).ConfigureAwait(false);
        if (!remotes.Contains(remote))
        {
            throw new SlipwayException(SlipwayError.Precondition($"there is no remote named '{remote}' to check that {tag} was pushed",
                $"add it with git remote add {remote} URL (or set remote: in slipway.yml)"));
        }

        var onRemote = await git.RemoteTagCommitAsync(remote, tag, cancellationToken).ConfigureAwait(false);
        if (onRemote is null)
        {
            throw new SlipwayException(SlipwayError.Precondition($"tag {tag} is not on the remote '{remote}'",
                $"push it first: git push {remote} {tag}"));
        }

        return onRemote == local
            ? local
            : throw new SlipwayException(SlipwayError.Precondition($"tag {tag} is on {onRemote[..7]} on '{remote}' but on {local[..7]} here",
                $"fetch the remote's tag (git fetch {remote} --tags --force) so the notes describe what was released"));
    }
}
