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
        IReadOnlyList<VersionTag> versionTags, IReadOnlyList<VersionTag> headTags, ReleaseLine beforeHead, string discovery)
    {
        Discovery = discovery;
        Git = git;
        State = state;
        Config = config;
        Naming = naming;
        VersionTags = versionTags;
        HeadTags = headTags;
        BeforeHead = beforeHead;
    }

    public IGitRepository Git { get; }

    /// <summary>How tags and history were read: from the repository's files, or by git and why (for --verbose).</summary>
    public string Discovery { get; }

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
        // git says where the repository is and what HEAD is; slipway.yml is read meanwhile.
        var stateTask = git.GetStateAsync(cancellationToken);
        var config = ConfigLoader.LoadFrom(directory);
        var state = await stateTask.ConfigureAwait(false);
        if (!string.Equals(Path.GetFullPath(directory).TrimEnd('/'), state.TopLevel.TrimEnd('/'), StringComparison.Ordinal)
            && config.Source is null)
        {
            config = ConfigLoader.LoadFrom(state.TopLevel);
        }

        if (state.IsShallow)
        {
            throw new SlipwayException(SlipwayError.Precondition(
                "this is a shallow clone, so its tags and history are incomplete and the version would be wrong",
                "run `git fetch --unshallow --tags` (in GitHub Actions: actions/checkout with fetch-depth: 0)"));
        }

        var naming = new TagNaming(config.Tag.Prefix);
        var (found, discovery) = await FindLineInFilesAsync(state, naming).ConfigureAwait(false);
        var (versionTags, beforeHead) = found ?? await FindLineWithGitAsync(git, state, naming, cancellationToken).ConfigureAwait(false);
        var headTags = state.Head is { } head ? versionTags.Where(t => t.Commit == head).ToList() : [];
        return new Repository(git, state, config, naming, versionTags, headTags, beforeHead, discovery);
    }

    /// <summary>
    /// Reads the tags and walks the history straight from the repository's files (no git process): the fast path.
    /// Null when the repository has something only git should interpret (see <see cref="LocalObjectReader"/>).
    /// </summary>
    private static async Task<((IReadOnlyList<VersionTag> Tags, ReleaseLine BeforeHead)? Found, string Discovery)> FindLineInFilesAsync(
        RepositoryState state, TagNaming naming)
    {
        if (state.CommonDirectory is null)
        {
            return (null, "tags and history read by git (a repository with no commits)");
        }

        if (System.Environment.GetEnvironmentVariable("SLIPWAY_GIT_ONLY") is "1")
        {
            return (null, "tags and history read by git (SLIPWAY_GIT_ONLY=1)");
        }

        try
        {
            using var reader = LocalObjectReader.Open(state.CommonDirectory);
            var tags = reader.ListTags();
            var versionTags = VersionDiscovery.Candidates(tags.Select(t => (t.Name, t.Commit)), naming);
            const string FromFiles = "tags and history read from the repository's files";
            if (state.Head is not { } head || versionTags.Count == 0)
            {
                return ((versionTags, ReleaseLine.Empty), FromFiles);
            }

            var line = await FindLineBeforeHeadAsync(head, versionTags,
                (commits, watch) => Task.FromResult(reader.NotReachableFrom(head, commits, watch))).ConfigureAwait(false);
            return ((versionTags, line), FromFiles);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidDataException or IOException or UnauthorizedAccessException or FormatException)
        {
            return (null, $"tags and history read by git ({SlipwayError.Flatten(e.Message)})");
        }
    }

    private static async Task<(IReadOnlyList<VersionTag> Tags, ReleaseLine BeforeHead)> FindLineWithGitAsync(GitRepository git,
        RepositoryState state, TagNaming naming, CancellationToken cancellationToken)
    {
        var tags = await git.ListTagsAsync(string.Empty, cancellationToken).ConfigureAwait(false);
        var versionTags = VersionDiscovery.Candidates(tags.Select(t => (t.Name, t.Commit)), naming);
        if (state.Head is not { } head || versionTags.Count == 0)
        {
            return (versionTags, ReleaseLine.Empty);
        }

        var line = await FindLineBeforeHeadAsync(head, versionTags,
            (commits, watch) => git.NotReachableFromHeadAsync(commits, watch, cancellationToken)).ConfigureAwait(false);
        return (versionTags, line);
    }

    /// <summary>
    /// Asks about reachability batch by batch, highest version first; tags on HEAD itself are set aside (a re-run of a
    /// release must see the line as it was before it). What one walk learns is kept: it names every version tag it passed
    /// as unreachable (all the tags of an unmerged branch at once), so they are never asked again.
    /// </summary>
    private static Task<ReleaseLine> FindLineBeforeHeadAsync(string head, IReadOnlyList<VersionTag> versionTags,
        Func<IReadOnlyCollection<string>, IReadOnlySet<string>, Task<IReadOnlySet<string>>> notReachableFromHead)
    {
        var tagged = versionTags.Select(t => t.Commit).ToHashSet(StringComparer.Ordinal);
        var notReachable = new HashSet<string>(StringComparer.Ordinal) { head };
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        return VersionDiscovery.FindAsync(versionTags, async batch =>
        {
            var ask = batch.Select(t => t.Commit).Where(c => !notReachable.Contains(c) && !reachable.Contains(c)).ToHashSet(StringComparer.Ordinal);
            if (ask.Count > 0)
            {
                var walked = await notReachableFromHead(ask, tagged).ConfigureAwait(false);
                notReachable.UnionWith(walked);
                reachable.UnionWith(ask.Where(c => !walked.Contains(c)));
            }

            return batch.Select(t => t.Commit).Where(reachable.Contains).ToHashSet(StringComparer.Ordinal);
        });
    }
}
