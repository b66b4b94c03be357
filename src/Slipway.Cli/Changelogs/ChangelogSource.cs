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
    private ChangelogSource(Repository repository, GitHubRemote? remote)
    {
        Repository = repository;
        Remote = remote;
    }

    public Repository Repository { get; }

    /// <summary>The GitHub repository the configured remote points at, or null (then nothing is linked).</summary>
    public GitHubRemote? Remote { get; }

    public static async Task<ChangelogSource> OpenAsync(Repository repository, CancellationToken cancellationToken)
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

    /// <summary>Every release reachable from HEAD, newest first (the unreleased commits first when there are any), in one walk of the history.</summary>
    /// <remarks>Walking newest first, a commit belongs to the release of the last version tag seen (git-cliff's rule; exact on a linear history).</remarks>
    public async Task<IReadOnlyList<ChangelogRelease>> HistoryAsync(CancellationToken cancellationToken)
    {
        var tagged = await TaggedCommitsAsync(cancellationToken).ConfigureAwait(false);
        var buckets = new List<(VersionTag? Tag, DateOnly? Date, List<Commit> Commits)> { (null, null, []) };
        if (Repository.State.Head is not null)
        {
            await foreach (var commit in Repository.LogAsync(null, "HEAD", includeMerges: true, cancellationToken).ConfigureAwait(false))
            {
                if (tagged.TryGetValue(commit.Sha, out var tag))
                {
                    buckets.Add((tag, DateOnly.FromDateTime(commit.AuthorDate.DateTime), []));
                }

                if (!commit.IsMerge)
                {
                    buckets[^1].Commits.Add(commit);
                }
            }
        }

        var releases = new List<ChangelogRelease>();
        for (var i = 0; i < buckets.Count; i++)
        {
            var (tag, date, commits) = buckets[i];
            if (tag is null && commits.Count == 0)
            {
                continue;
            }

            var previous = i + 1 < buckets.Count ? buckets[i + 1].Tag?.Name : null;
            releases.Add(Build(new ReleaseHeading(tag?.Version.ToString(), tag?.Name, previous, date), commits));
        }

        return releases;
    }

    /// <summary>Each commit that carries version tags, with its highest one.</summary>
    private async Task<Dictionary<string, VersionTag>> TaggedCommitsAsync(CancellationToken cancellationToken)
    {
        var tags = Repository.VersionTags;
        var commits = await Repository.Git.ResolveCommitsAsync(tags.Select(t => "refs/tags/" + t.Name).ToList(), cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, VersionTag>(StringComparer.Ordinal);
        for (var i = 0; i < tags.Count; i++)
        {
            if (!result.TryGetValue(commits[i], out var existing) || tags[i].Version > existing.Version)
            {
                result[commits[i]] = tags[i] with { Commit = commits[i] };
            }
        }

        return result;
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

        if (!File.Exists(path))
        {
            throw new SlipwayException(SlipwayError.Usage($"template '{name}' ({where}) is not a built-in template and no such file exists",
                $"use one of {string.Join(", ", ChangelogTemplates.BuiltInNames)} or the path of a Liquid file"));
        }

        return LiquidTemplate.Parse(File.ReadAllText(path), name);
    }
}
