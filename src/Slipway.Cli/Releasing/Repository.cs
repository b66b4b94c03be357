using Slipway.Adapters.Configuration;
using Slipway.Adapters.Git;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing;

/// <summary>The repository a command runs in: git, its state, slipway.yml, and the version tags, read once.</summary>
public sealed class Repository
{
    private Repository(IGitRepository git, RepositoryState state, SlipwayConfig config, TagNaming naming,
        IReadOnlyList<VersionTag> versionTags, IReadOnlyList<VersionTag> headTags, ReleaseLine beforeHead)
    {
        Git = git;
        State = state;
        Config = config;
        Naming = naming;
        VersionTags = versionTags;
        HeadTags = headTags;
        BeforeHead = beforeHead;
    }

    public IGitRepository Git { get; }

    public RepositoryState State { get; }

    public SlipwayConfig Config { get; }

    public TagNaming Naming { get; }

    /// <summary>Every version tag in the repository, highest first, reachable or not.</summary>
    public IReadOnlyList<VersionTag> VersionTags { get; }

    /// <summary>Version tags on HEAD itself, highest first.</summary>
    public IReadOnlyList<VersionTag> HeadTags { get; }

    /// <summary>The release line from HEAD's ancestors, not counting tags on HEAD.</summary>
    public ReleaseLine BeforeHead { get; }

    /// <summary>The release line of HEAD, its own tags included: what `slipway version` prints.</summary>
    public ReleaseLine Line => Core.Releases.ReleasePlanner.WithHeadTags(BeforeHead, HeadTags);

    /// <summary>Reads state, configuration and tags; refuses a shallow clone before computing anything.</summary>
    public static async Task<Repository> OpenAsync(string directory, CancellationToken cancellationToken)
    {
        var git = new GitRepository(directory);
        // State and tags are independent: ask git for both at once, and read slipway.yml meanwhile.
        // Every tag is listed; the prefix (from the configuration) is applied once it is known.
        var stateTask = git.GetStateAsync(cancellationToken);
        var tagsTask = git.ListTagsAsync(string.Empty, cancellationToken);
        RepositoryState state;
        SlipwayConfig config;
        try
        {
            config = ConfigLoader.LoadFrom(directory);
            state = await stateTask.ConfigureAwait(false);
        }
        catch
        {
            // Not a repository, bad config: that error is the one to report, whatever the tag listing says.
            _ = tagsTask.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        if (!string.Equals(Path.GetFullPath(directory).TrimEnd('/'), state.TopLevel.TrimEnd('/'), StringComparison.Ordinal)
            && config.Source is null)
        {
            config = ConfigLoader.LoadFrom(state.TopLevel);
        }

        if (state.IsShallow)
        {
            _ = tagsTask.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new SlipwayException(SlipwayError.Precondition(
                "this is a shallow clone, so its tags and history are incomplete and the version would be wrong",
                "run `git fetch --unshallow --tags` (in GitHub Actions: actions/checkout with fetch-depth: 0)"));
        }

        var naming = new TagNaming(config.Tag.Prefix);
        var tags = await tagsTask.ConfigureAwait(false);
        var versionTags = VersionDiscovery.Candidates(tags.Select(t => (t.Name, t.Commit)), naming);
        if (state.Head is not { } head || versionTags.Count == 0)
        {
            return new Repository(git, state, config, naming, versionTags, [], ReleaseLine.Empty);
        }

        // Tags on HEAD are set aside (a re-run of a release must see the line as it was before it).
        var headTags = versionTags.Where(t => t.Commit == head).ToList();
        var beforeHead = await FindLineBeforeHeadAsync(git, head, versionTags, cancellationToken).ConfigureAwait(false);
        return new Repository(git, state, config, naming, versionTags, headTags, beforeHead);
    }

    /// <summary>
    /// Asks git about reachability batch by batch, highest version first. What one walk learns is kept: it names
    /// every version tag it passed as unreachable (all the tags of an unmerged branch at once), so they are never asked again.
    /// </summary>
    private static Task<ReleaseLine> FindLineBeforeHeadAsync(GitRepository git, string head, IReadOnlyList<VersionTag> versionTags,
        CancellationToken cancellationToken)
    {
        var tagged = versionTags.Select(t => t.Commit).ToHashSet(StringComparer.Ordinal);
        var notReachable = new HashSet<string>(StringComparer.Ordinal) { head };
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        return VersionDiscovery.FindAsync(versionTags, async batch =>
        {
            var ask = batch.Select(t => t.Commit).Where(c => !notReachable.Contains(c) && !reachable.Contains(c)).ToHashSet(StringComparer.Ordinal);
            if (ask.Count > 0)
            {
                var walked = await git.NotReachableFromHeadAsync(ask, tagged, cancellationToken).ConfigureAwait(false);
                notReachable.UnionWith(walked);
                reachable.UnionWith(ask.Where(c => !walked.Contains(c)));
            }

            return batch.Select(t => t.Commit).Where(reachable.Contains).ToHashSet(StringComparer.Ordinal);
        });
    }
}
