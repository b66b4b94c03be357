using Slipway.Adapters.Configuration;
using Slipway.Adapters.Git;
using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing;

/// <summary>The repository a command runs in: git, its state, slipway.yml, and the version tags, read once.</summary>
public sealed class Repository : IDisposable
{
    private Repository(IGitRepository git, History history, RepositoryState state, SlipwayConfig config, TagNaming naming,
        IReadOnlyList<VersionTag> versionTags, IReadOnlyList<VersionTag> headTags, ReleaseLine beforeHead, string discovery)
    {
        Discovery = discovery;
        Git = git;
        History = history;
        State = state;
        Config = config;
        Naming = naming;
        VersionTags = versionTags;
        HeadTags = headTags;
        BeforeHead = beforeHead;
    }

    public IGitRepository Git { get; }

    /// <summary>Tags and commits, from the repository's files or from git.</summary>
    public History History { get; }

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
        // Where the repository is and what HEAD is, from its files; git is asked when they hold what only git should interpret.
        var gitOnly = System.Environment.GetEnvironmentVariable("SLIPWAY_GIT_ONLY") is "1";
        var stateReason = "SLIPWAY_GIT_ONLY=1";
        var state = gitOnly ? null : RepositoryFiles.TryReadState(directory, out stateReason);
        var stateTask = state is null ? git.GetStateAsync(cancellationToken) : Task.FromResult(state);
        var config = ConfigLoader.LoadFrom(directory);
        state = await stateTask.ConfigureAwait(false);
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

        var naming = new TagNaming(config.Tag.Prefixes);
        var history = History.Open(git, state, gitOnly);
        try
        {
            var (versionTags, beforeHead) = await history.FindLineAsync(naming, cancellationToken).ConfigureAwait(false);
            var discovery = (stateReason.Length == 0 ? "state read from the repository's files; " : $"state read by git ({stateReason}); ") + history.Detail;
            var headTags = state.Head is { } head ? versionTags.Where(t => t.Commit == head).ToList() : [];
            return new Repository(git, history, state, config, naming, versionTags, headTags, beforeHead, discovery);
        }
        catch
        {
            history.Dispose();
            throw;
        }
    }

    /// <summary>Tags that are versions under a prefix tag.prefix does not list, by prefix (most first).</summary>
    public async Task<IReadOnlyList<OtherPrefixTags>> OtherPrefixTagsAsync(CancellationToken cancellationToken) =>
        OtherPrefixTags.Find(await History.TagNamesAsync(cancellationToken).ConfigureAwait(false), Naming);

    /// <summary>The commits of <paramref name="exclusiveFrom"/>..<paramref name="until"/> (all of its history when null), newest first.</summary>
    public IAsyncEnumerable<Commit> LogAsync(string? exclusiveFrom, string until, bool includeMerges, CancellationToken cancellationToken) =>
        History.LogAsync(exclusiveFrom, until, includeMerges, cancellationToken);

    public void Dispose() => History.Dispose();
}
