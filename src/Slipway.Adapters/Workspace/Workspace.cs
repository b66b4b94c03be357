using Slipway.Adapters.Actions;
using Slipway.Adapters.Configuration;
using Slipway.Adapters.Git;
using Slipway.Adapters.Processes;
using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Adapters.Workspace;

/// <summary>
/// Where a command runs, opened once: the git repository and its state, slipway.yml, the tag naming, the version tags and
/// HEAD's release line, the clock and the environment variables. Every command starts here; nothing else opens a
/// repository, reads slipway.yml, the clock or the environment.
/// </summary>
public sealed class Workspace : IDisposable
{
    private Workspace(GitRepository git, HistoryReader history, RepositoryState state, SlipwayConfig config, TagNaming naming,
        IReadOnlyList<VersionTag> versionTags, IReadOnlyList<VersionTag> headTags, ReleaseLine beforeHead, string discovery, Clock clock,
        Func<string, string?> environment, ReleaseBranch? releaseBranch, PackageConfig? package)
    {
        Package = package;
        ReleaseBranch = releaseBranch;
        Discovery = discovery;
        Git = git;
        History = history;
        State = state;
        Config = config;
        Naming = naming;
        VersionTags = versionTags;
        HeadTags = headTags;
        BeforeHead = beforeHead;
        Clock = clock;
        Environment = environment;
    }

    public GitRepository Git { get; }

    /// <summary>Tags and commits, from the repository's files or from git.</summary>
    public HistoryReader History { get; }

    /// <summary>How tags and history were read: from the repository's files, or by git and why (for --verbose).</summary>
    public string Discovery { get; }

    public RepositoryState State { get; }

    /// <summary>The repository's top level: where slipway.yml's relative paths (charts, values, bump files) start.</summary>
    public string Root => State.TopLevel;

    /// <summary>slipway.yml, as the package sees it when one was chosen (<see cref="PackageConfig.View"/>).</summary>
    public SlipwayConfig Config { get; }

    /// <summary>The package a command works on (`--package NAME`): its tags are the versions, its paths' commits the history; null for the whole repository.</summary>
    public PackageConfig? Package { get; }

    /// <summary>The checked-out branch as `branch:` makes it (a release branch, a maintenance line, a prerelease branch), or null when it lists no such branch.</summary>
    public ReleaseBranch? ReleaseBranch { get; }

    /// <summary>The branch a release here pushes: the checked-out release branch, else the main one (preflight refuses the release then).</summary>
    public string PushBranch => ReleaseBranch?.Name ?? Config.Branch;

    public TagNaming Naming { get; }

    /// <summary>Every version tag in the repository, highest first, reachable or not.</summary>
    public IReadOnlyList<VersionTag> VersionTags { get; }

    /// <summary>Version tags on HEAD itself, highest first.</summary>
    public IReadOnlyList<VersionTag> HeadTags { get; }

    /// <summary>The release line from HEAD's ancestors, not counting tags on HEAD (on a maintenance line, none above its range).</summary>
    public ReleaseLine BeforeHead { get; }

    /// <summary>The release line of HEAD, its own tags included: what `slipway version` prints.</summary>
    public ReleaseLine Line => ReleasePlanner.WithHeadTags(BeforeHead, HeadTags);

    public Clock Clock { get; }

    /// <summary>Reads an environment variable (null when unset): the one way commands see the environment.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>The GitHub Actions run this command is part of, from <see cref="Environment"/>.</summary>
    public ActionsContext Actions => ActionsContext.From(Environment);

    /// <summary>Reads state, configuration and tags; refuses a shallow clone before computing anything.</summary>
    /// <param name="package">`--package NAME`: the workspace of that package of slipway.yml's packages (null: the whole repository).</param>
    public static async Task<Workspace> OpenAsync(string directory, CancellationToken cancellationToken, string? package = null) =>
        await OpenAsync(directory, Clock.System, ProcessEnvironment.Variable, cancellationToken, package).ConfigureAwait(false);

    public static async Task<Workspace> OpenAsync(string directory, Clock clock, Func<string, string?> environment, CancellationToken cancellationToken, string? package = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var git = new GitRepository(directory);
        // Where the repository is and what HEAD is, from its files; git is asked when they hold what only git should interpret.
        var gitOnly = environment("SLIPWAY_GIT_ONLY") is "1";
        var stateReason = "SLIPWAY_GIT_ONLY=1";
        var state = gitOnly ? null : RepositoryFiles.TryReadState(directory, out stateReason);
        var stateTask = state is null ? git.GetStateAsync(cancellationToken) : Task.FromResult(state);
        state = await stateTask.ConfigureAwait(false);
        var config = ConfigLoader.LoadFor(directory, state.TopLevel);

        if (state.IsShallow)
        {
            throw new SlipwayException(SlipwayError.Precondition(
                "this is a shallow clone, so its tags and history are incomplete and the version would be wrong",
                "run `git fetch --unshallow --tags` (in GitHub Actions: actions/checkout with fetch-depth: 0)"));
        }

        PackageConfig? chosen = null;
        if (package is not null)
        {
            (chosen, config) = PackageConfig.View(config, package);
        }

        var naming = new TagNaming(config.Tag.Prefixes);
        var history = HistoryReader.Open(git, state, gitOnly);
        try
        {
            var releaseBranch = ReleaseBranch.Match(config.Branches, state.Branch);
            var line = releaseBranch?.Line;
            var (versionTags, beforeHead) = await history.FindLineAsync(naming, line, cancellationToken, prefetch: config.Packages.Count == 0 || chosen is not null)
                .ConfigureAwait(false);
            var discovery = (stateReason.Length == 0 ? "state read from the repository's files; " : $"state read by git ({stateReason}); ") + history.Detail
                + (line is null ? string.Empty : $"; on {releaseBranch}: tags above it are not its versions");
            var headTags = state.Head is { } head ? versionTags.Where(t => t.Commit == head && (line is null || line.NotAbove(t.Version))).ToList() : [];
            return new Workspace(git, history, state, config, naming, versionTags, headTags, beforeHead, discovery, clock, environment, releaseBranch, chosen);
        }
        catch
        {
            history.Dispose();
            throw;
        }
    }

    /// <summary>
    /// slipway.yml for a command that needs no repository (image promote in any folder): the directory's own file, else the one
    /// at the top level of the git repository the directory is in, else the defaults.
    /// </summary>
    public static SlipwayConfig LoadConfig(string directory)
    {
        return RepositoryFiles.TryReadState(directory, out _) is { } state ? ConfigLoader.LoadFor(directory, state.TopLevel) : ConfigLoader.LoadFrom(directory);
    }

    /// <summary>
    /// The repository <paramref name="directory"/> is in and the slipway.yml a command there reads (<see cref="ConfigLoader.LoadFor"/>),
    /// without its tags: for the commands that deploy and read the ledger, which need no release line (and work in a shallow clone).
    /// </summary>
    public static async Task<(GitRepository Git, RepositoryState State, SlipwayConfig Config)> OpenRepositoryAsync(string directory, CancellationToken cancellationToken)
    {
        var state = await new GitRepository(directory).GetStateAsync(cancellationToken).ConfigureAwait(false);
        // Its git commands run at the top level, where slipway.yml's relative paths and the ledger's worktree start.
        return (new GitRepository(state.TopLevel), state, ConfigLoader.LoadFor(directory, state.TopLevel));
    }

    /// <summary>The commits of <paramref name="exclusiveFrom"/>..<paramref name="until"/> (all of its history when null), newest first.</summary>
    /// <remarks>With a package chosen, only the commits that touch its path or also_paths (git's path limiting).</remarks>
    public IAsyncEnumerable<Commit> LogAsync(string? exclusiveFrom, string until, bool includeMerges, CancellationToken cancellationToken) =>
        Package is { } package
            ? Git.LogAsync(exclusiveFrom, until, includeMerges, [package.Path, .. package.AlsoPaths], cancellationToken)
            : History.LogAsync(exclusiveFrom, until, includeMerges, cancellationToken);

    /// <summary>Tags that are versions under a prefix tag.prefix does not list, by prefix (most first).</summary>
    public async Task<IReadOnlyList<OtherPrefixTags>> OtherPrefixTagsAsync(CancellationToken cancellationToken) =>
        OtherPrefixTags.Find(await History.TagNamesAsync(cancellationToken).ConfigureAwait(false), Naming);

    /// <summary>Who is acting: GITHUB_ACTOR in Actions, else the git user (name &lt;email&gt;), else the login name.</summary>
    public Task<string> ActorAsync(CancellationToken cancellationToken) => Actor.OfAsync(Git, Environment, cancellationToken);

    public void Dispose() => History.Dispose();
}
