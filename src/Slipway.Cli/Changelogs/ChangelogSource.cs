using Slipway.Adapters.Files;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing;
using Slipway.Core.Changelog;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Commits;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Changelogs;

/// <summary>Reads commit ranges from git into changelog releases, and finds the template and the GitHub remote to render them with.</summary>
public sealed class ChangelogSource
{
    private ChangelogSource(Workspace repository, GitHubRemote? remote)
    {
        Repository = repository;
        Remote = remote;
    }

    public Workspace Repository { get; }

    /// <summary>The GitHub repository the configured remote points at, or null (then nothing is linked).</summary>
    public GitHubRemote? Remote { get; }

    public static async Task<ChangelogSource> OpenAsync(Workspace repository, CancellationToken cancellationToken)
    {
        var url = await repository.Git.RemoteUrlAsync(repository.Config.Remote, cancellationToken).ConfigureAwait(false);
        return new ChangelogSource(repository, GitHubRemote.TryParse(url, out var remote) ? remote : null);
    }

    public static ConventionalCommit Parse(Commit commit) => ConventionalCommitParser.Parse(commit.Message);

    /// <summary>The release made of the commits of <paramref name="exclusiveFrom"/>..<paramref name="until"/> (merges left out).</summary>
    public async Task<ChangelogRelease> ReleaseAsync(ReleaseHeading heading, string? exclusiveFrom, string until, CancellationToken cancellationToken)
    {
        var commits = new List<Commit>();
        await foreach (var commit in Repository.LogAsync(exclusiveFrom, until, includeMerges: false, cancellationToken).ConfigureAwait(false))
        {
            commits.Add(commit);
        }

        return Build(heading, commits);
    }

    public ChangelogRelease Build(ReleaseHeading heading, IEnumerable<Commit> commits) =>
        ChangelogBuilder.Build(heading, commits, Parse, Repository.Config.Changelog, Repository.Naming);

    /// <summary>
    /// Every release reachable from HEAD, highest version first, after the unreleased commits when there are any. Each
    /// release is exactly what `slipway notes` gives for it, and the unreleased commits exactly what `changelog
    /// --unreleased` gives: a commit is under every release whose range holds it (a release candidate's commits are under
    /// the final version too), never under one that cannot reach it.
    /// </summary>
    public async Task<IReadOnlyList<ChangelogRelease>> HistoryAsync(CancellationToken cancellationToken)
    {
        var releases = new List<ChangelogRelease>();
        if (Repository.State.Head is not { } head)
        {
            return releases;
        }

        var latest = Repository.Line.Latest;
        var unreleased = await ReleaseAsync(ReleaseHeading.Unreleased(latest?.Name), latest?.Commit, "HEAD", cancellationToken).ConfigureAwait(false);
        if (unreleased.Entries.Count > 0)
        {
            releases.Add(unreleased);
        }

        var tags = Repository.VersionTags;
        var notReachable = await Repository.History.NotReachableFromAsync(head, tags.Select(t => t.Commit).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var reachable = tags.Where(t => !notReachable.Contains(t.Commit)).DistinctBy(t => t.Version.ToString()).ToList();
        foreach (var tag in reachable)
        {
            releases.Add(await ReleaseOfAsync(tag, reachable, cancellationToken).ConfigureAwait(false));
        }

        return releases;
    }

    /// <summary>The release of an existing version: from its previous release (<see cref="PreviousRelease"/>) to its tag, dated by its commit.</summary>
    /// <param name="tags">The tags the previous release is chosen from: every version tag, or those HEAD reaches (the previous one is an ancestor, so it is among them).</param>
    public async Task<ChangelogRelease> ReleaseOfAsync(VersionTag tag, IEnumerable<VersionTag> tags, CancellationToken cancellationToken)
    {
        var history = Repository.History;
        var previous = await PreviousRelease.FindAsync(tag, tags, (a, d) => history.IsAncestorAsync(a, d, cancellationToken)).ConfigureAwait(false);
        var commits = new List<Commit>();
        Commit? tip = null;
        await foreach (var commit in Repository.LogAsync(previous?.Commit, tag.Commit, includeMerges: true, cancellationToken).ConfigureAwait(false))
        {
            tip ??= commit.Sha == tag.Commit ? commit : null;
            if (!commit.IsMerge)
            {
                commits.Add(commit);
            }
        }

        // Two versions on one commit: the range is empty, the date is still the commit's.
        tip ??= await history.CommitAsync(tag.Commit, cancellationToken).ConfigureAwait(false);
        var date = DateOnly.FromDateTime(tip.AuthorDate.DateTime);
        return Build(new ReleaseHeading(tag.Version.ToString(), tag.Name, previous?.Name, date), commits);
    }

    /// <summary>The template named on the command line or in slipway.yml (a built-in name or a .liquid file), else <paramref name="fallback"/>.</summary>
    /// <param name="fromCommandLine">--template's value: a file path is relative to the current directory.</param>
    /// <param name="useConfigured">Whether changelog.template applies (not to release notes, whose default is github).</param>
    public IChangelogTemplate Template(string? fromCommandLine, string fallback, bool useConfigured = true)
    {
        if (fromCommandLine is not null)
        {
            return Load(fromCommandLine, Path.GetFullPath(fromCommandLine), "--template");
        }

        var configured = useConfigured ? Repository.Config.Changelog.Template : null;
        return configured is null
            ? ChangelogTemplates.BuiltIn(fallback)!
            : Load(configured, Path.Combine(Repository.State.TopLevel, configured), "changelog.template in slipway.yml");
    }

    public ChangelogDocument Document(IReadOnlyList<ChangelogRelease> releases, bool wholeHistory = false) => new(releases, Remote, wholeHistory);

    private static IChangelogTemplate Load(string name, string path, string where)
    {
        if (ChangelogTemplates.BuiltIn(name) is { } builtIn)
        {
            return builtIn;
        }

        var text = TemplateFile.Read(path) ?? throw new SlipwayException(SlipwayError.Usage(
            $"template '{name}' ({where}) is not a built-in template and no such file exists",
            $"use one of {string.Join(", ", ChangelogTemplates.BuiltInNames)} or the path of a Liquid file"));
        return LiquidTemplate.Parse(text, name);
    }
}
