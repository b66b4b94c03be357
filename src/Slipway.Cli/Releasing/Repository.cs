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
        // State and tags are independent: ask git for both at once.
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
        var tags = await git.ListTagsAsync(config.Tag.Prefix, cancellationToken).ConfigureAwait(false);
        var objects = VersionDiscovery.Candidates(tags.Select(t => (t.Name, t.ObjectId)), naming);
        if (state.Head is null || objects.Count == 0)
        {
            return new Repository(git, state, config, naming, objects, [], ReleaseLine.Empty);
        }

        // Tag objects are peeled lazily: only the tags whose reachability is asked about, highest first.
        var peeled = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task PeelAsync(IEnumerable<VersionTag> batch)
        {
            var todo = batch.Select(t => t.Commit).Where(o => !peeled.ContainsKey(o)).Distinct().ToList();
            var commits = await git.ResolveCommitsAsync(todo, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < todo.Count; i++)
            {
                peeled[todo[i]] = commits[i];
            }
        }

        VersionTag Peeled(VersionTag tag) => tag with { Commit = peeled[tag.Commit] };

        var headTags = new List<VersionTag>();
        var line = await VersionDiscovery.FindAsync(objects, async batch =>
        {
            await PeelAsync(batch).ConfigureAwait(false);
            var commits = batch.Select(t => peeled[t.Commit]).ToHashSet(StringComparer.Ordinal);
            var reachable = await git.ReachableFromHeadAsync(commits, cancellationToken).ConfigureAwait(false);
            // Tags on HEAD are set aside (a re-run of a release must see the line as it was before it).
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tag in batch)
            {
                var commit = peeled[tag.Commit];
                if (commit == state.Head)
                {
                    headTags.Add(Peeled(tag));
                }
                else if (reachable.Contains(commit))
                {
                    result.Add(tag.Commit);
                }
            }

            return result;
        }).ConfigureAwait(false);

        var beforeHead = new ReleaseLine(line.Latest is null ? null : Peeled(line.Latest), line.LatestStable is null ? null : Peeled(line.LatestStable));
        var versionTags = objects.Select(t => peeled.TryGetValue(t.Commit, out var c) ? t with { Commit = c } : t).ToList();
        return new Repository(git, state, config, naming, versionTags, headTags, beforeHead);
    }
}
