using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Slipway.Core.Commits;
using Slipway.Core.Errors;
using Slipway.Core.Metrics;
using Slipway.Core.Versioning;

namespace Slipway.Adapters.Git;

/// <summary>
/// The repository's tags and commits as a command reads them: straight from its files when <see cref="LocalObjectReader"/>
/// understands them (no git process: the hot path of `version` and `plan`), else from git. Both give the same answers; the
/// tests hold the files' reader to git's. `SLIPWAY_GIT_ONLY=1` makes git do all of it.
/// </summary>
public sealed class HistoryReader : IDisposable
{
    private readonly GitRepository git;
    private readonly RepositoryState state;
    private readonly Lock gate = new();
    private LocalObjectReader? reader;
    private string readerProblem;

    private HistoryReader(GitRepository git, RepositoryState state, LocalObjectReader? reader, string readerProblem)
    {
        this.git = git;
        this.state = state;
        this.reader = reader;
        this.readerProblem = readerProblem;
    }

    /// <summary>How the last question was answered, for --verbose: from the files (with counts and times), or by git and why.</summary>
    public string Detail { get; private set; } = string.Empty;

    public static HistoryReader Open(GitRepository git, RepositoryState state, bool gitOnly)
    {
        if (gitOnly)
        {
            return new HistoryReader(git, state, null, "SLIPWAY_GIT_ONLY=1");
        }

        if (state.CommonDirectory is null)
        {
            return new HistoryReader(git, state, null, "a repository with no commits");
        }

        try
        {
            return new HistoryReader(git, state, LocalObjectReader.Open(state.CommonDirectory), string.Empty);
        }
        catch (Exception e) when (IsReaderProblem(e))
        {
            return new HistoryReader(git, state, null, SlipwayError.Flatten(e.Message));
        }
    }

    /// <summary>Every version tag (highest first) and the release line of HEAD's ancestors, not counting tags on HEAD.</summary>
    /// <param name="line">On a maintenance line, its range: tags above it (a higher line's, merged in) do not count for the release line.</param>
    /// <param name="prefetch">
    /// Start reading HEAD's history on a second thread while the tags are listed: for a command whose answer is this line (not
    /// a monorepo's, whose packages each have their own, read by one walk for all of them).
    /// </param>
    public async Task<(IReadOnlyList<VersionTag> Tags, ReleaseLine BeforeHead)> FindLineAsync(TagNaming naming, VersionRange? line, CancellationToken cancellationToken,
        bool prefetch = true)
    {
        if (reader is { } files)
        {
            try
            {
                var clock = Stopwatch.StartNew();
                if (prefetch && state.Head is { } head)
                {
                    files.Prefetch(head);
                }

                try
                {
                    var tags = files.ListTags(naming.ListingPrefix); // other tags are not versions (TagNaming)
                    var listed = clock.Elapsed.TotalMilliseconds;
                    var found = await FindLineAsync(tags, naming, line, (head, commits, watch) => Task.FromResult(files.NotReachableFrom(head, commits, watch))).ConfigureAwait(false);
                    Detail = string.Create(CultureInfo.InvariantCulture,
                        $"tags and history read from the repository's files ({tags.Count} tags{(naming.ListingPrefix.Length > 0 ? $" starting with '{naming.ListingPrefix}'" : "")} in {listed:0.0} ms, {files.CommitsRead} commits in {clock.Elapsed.TotalMilliseconds - listed:0.0} ms{(files.CommitsFromGraph > 0 ? $", {files.CommitsFromGraph} of them from the commit-graph" : "")}{(files.CommitsReadAhead > 0 ? $", {files.CommitsReadAhead} of them read ahead on a second thread" : "")})");
                    return found;
                }
                finally
                {
                    files.EndPrefetch();
                }
            }
            catch (Exception e) when (IsReaderProblem(e))
            {
                Abandon(e);
            }
        }

        Detail = $"tags and history read by git ({readerProblem})";
        var gitTags = await git.ListTagsAsync(string.Empty, cancellationToken).ConfigureAwait(false);
        return await FindLineAsync(gitTags, naming, line, (head, commits, watch) => git.NotReachableFromHeadAsync(commits, watch, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The version tags among <paramref name="tags"/> and HEAD's release line, reachability asked of <paramref name="notReachable"/>.</summary>
    private async Task<(IReadOnlyList<VersionTag> Tags, ReleaseLine BeforeHead)> FindLineAsync(IReadOnlyList<TagRef> tags, TagNaming naming, VersionRange? line,
        Func<string, IReadOnlyCollection<string>, IReadOnlySet<string>, Task<IReadOnlySet<string>>> notReachable)
    {
        var versionTags = VersionDiscovery.Candidates(tags.Select(t => (t.Name, t.Commit)), naming);
        var candidates = line is null ? versionTags : [.. versionTags.Where(t => line.NotAbove(t.Version))];
        var found = state.Head is { } head && candidates.Count > 0
            ? await FindLineBeforeHeadAsync(head, candidates, versionTags, (commits, watch) => notReachable(head, commits, watch)).ConfigureAwait(false)
            : ReleaseLine.Empty;
        return (versionTags, found);
    }

    /// <summary>Whether <paramref name="descendant"/> reaches <paramref name="ancestor"/> (or is it): exact, from the files or from git.</summary>
    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken) =>
        !(await NotReachableFromAsync(descendant, [ancestor], cancellationToken).ConfigureAwait(false)).Contains(ancestor);

    /// <summary>Which of <paramref name="commits"/> <paramref name="tip"/> does not reach, exactly.</summary>
    public async Task<IReadOnlySet<string>> NotReachableFromAsync(string tip, IReadOnlyCollection<string> commits, CancellationToken cancellationToken)
    {
        var none = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            lock (gate)
            {
                if (reader is { } files)
                {
                    return files.NotReachableFrom(tip, commits, none);
                }
            }
        }
        catch (Exception e) when (IsReaderProblem(e))
        {
            Abandon(e);
        }

        if (tip == state.Head)
        {
            return await git.NotReachableFromHeadAsync(commits, none, cancellationToken).ConfigureAwait(false);
        }

        var answer = new HashSet<string>(StringComparer.Ordinal);
        foreach (var commit in commits)
        {
            if (!await git.IsAncestorAsync(commit, tip, cancellationToken).ConfigureAwait(false))
            {
                answer.Add(commit);
            }
        }

        return answer;
    }

    /// <summary>One commit, by its name: from the files, or from git.</summary>
    public async Task<Commit> CommitAsync(string sha, CancellationToken cancellationToken)
    {
        try
        {
            lock (gate)
            {
                if (reader is { } files)
                {
                    return files.ReadCommit(sha);
                }
            }
        }
        catch (Exception e) when (IsReaderProblem(e))
        {
            Abandon(e);
        }

        return await git.CommitAsync(sha, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The commits of <paramref name="exclusiveFrom"/>..<paramref name="until"/> and when each was committed, merges left out, newest first: from the files, or from git.</summary>
    public async Task<IReadOnlyList<CommitTime>> CommitTimesAsync(string exclusiveFrom, string until, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Sha, long CommitterTime)>? times = null;
        try
        {
            lock (gate)
            {
                times = reader?.CommitTimes(exclusiveFrom, until);
            }
        }
        catch (Exception e) when (IsReaderProblem(e))
        {
            Abandon(e);
        }

        times ??= await git.CommitTimesAsync(exclusiveFrom, until, cancellationToken).ConfigureAwait(false);
        return [.. times.Select(t => new CommitTime(t.Sha, DateTimeOffset.FromUnixTimeSeconds(t.CommitterTime)))];
    }

    /// <summary>Which of <paramref name="commits"/> this repository holds as commits.</summary>
    public async Task<IReadOnlySet<string>> PresentCommitsAsync(IReadOnlyCollection<string> commits, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (reader is { } files)
            {
                return commits.Where(files.HasCommit).ToHashSet(StringComparer.Ordinal);
            }
        }

        return await git.PresentCommitsAsync(commits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every tag and the commit it names (peeled), whatever its prefix: one listing for many tag namings (a monorepo's packages).</summary>
    public async Task<IReadOnlyList<TagRef>> TagsAsync(CancellationToken cancellationToken)
    {
        try
        {
            lock (gate)
            {
                if (reader is { } files)
                {
                    return files.ListTags();
                }
            }
        }
        catch (Exception e) when (IsReaderProblem(e))
        {
            Abandon(e);
        }

        return await git.ListTagsAsync(string.Empty, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The name of every tag, whatever its prefix (to find version tags that another prefix would read).</summary>
    public async Task<IReadOnlyList<string>> TagNamesAsync(CancellationToken cancellationToken)
    {
        try
        {
            lock (gate)
            {
                if (reader is { } files)
                {
                    return [.. files.ListTags().Select(t => t.Name)];
                }
            }
        }
        catch (Exception e) when (IsReaderProblem(e))
        {
            Abandon(e);
        }

        return [.. (await git.ListTagsAsync(string.Empty, cancellationToken).ConfigureAwait(false)).Select(t => t.Name)];
    }

    /// <summary>
    /// The commits of <paramref name="exclusiveFrom"/>..<paramref name="until"/>, newest first. A range between two commits
    /// (or HEAD) is read from the files, whole (memory grows with the range); the whole history, or any other revision, is
    /// streamed from git.
    /// </summary>
    public async IAsyncEnumerable<Commit> LogAsync(string? exclusiveFrom, string until, bool includeMerges,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // HEAD as it is now: a release commit made since the repository was opened moves it.
        var tip = until == "HEAD" ? RepositoryFiles.TryReadState(state.TopLevel, out _)?.Head : until;
        IReadOnlyList<Commit>? range = null;
        if (exclusiveFrom is not null && IsCommitName(exclusiveFrom) && tip is not null && IsCommitName(tip))
        {
            try
            {
                var clock = Stopwatch.StartNew();
                lock (gate)
                {
                    range = reader?.Log(exclusiveFrom, tip, includeMerges);
                }

                if (range is not null)
                {
                    Detail = string.Create(CultureInfo.InvariantCulture,
                        $"commits of {exclusiveFrom[..7]}..{until} read from the repository's files ({range.Count} in {clock.Elapsed.TotalMilliseconds:0.0} ms)");
                }
            }
            catch (Exception e) when (IsReaderProblem(e))
            {
                Abandon(e);
            }
        }

        if (range is not null)
        {
            foreach (var commit in range)
            {
                yield return commit;
            }

            yield break;
        }

        Detail = $"commits read by git ({(reader is null ? readerProblem : "a range the files' reader does not take")})";
        await foreach (var commit in git.LogAsync(exclusiveFrom, until, includeMerges, cancellationToken).ConfigureAwait(false))
        {
            yield return commit;
        }
    }

    /// <summary>
    /// HEAD's history newest first, commit names only, for a walk that stops when it has found what it looks for: from the
    /// files (commit headers only) when they are readable, else from `git log`.
    /// </summary>
    public async IAsyncEnumerable<string> AncestorsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var head = state.Head;
        if (head is null)
        {
            yield break;
        }

        IEnumerator<string>? walk = null;
        lock (gate)
        {
            walk = reader?.Ancestors(head).GetEnumerator();
        }

        if (walk is not null)
        {
            using (walk)
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        lock (gate)
                        {
                            more = walk.MoveNext();
                        }
                    }
                    catch (Exception e) when (IsReaderProblem(e))
                    {
                        // What was given stands (a prefix of the same order git gives); git goes on from the start, the caller sees repeats.
                        Abandon(e);
                        break;
                    }

                    if (!more)
                    {
                        yield break;
                    }

                    yield return walk.Current;
                }
            }
        }

        await foreach (var sha in git.AncestorsAsync(head, cancellationToken).ConfigureAwait(false))
        {
            yield return sha;
        }
    }

    /// <summary>
    /// Every base's range to HEAD from one walk of the files, each commit with the bases that reach it and the
    /// <paramref name="folders"/> it changed (<see cref="LocalObjectReader.Ranges"/>); null when the files cannot answer (the
    /// caller asks git: a common ancestor, `git log`, `git log --name-only`).
    /// </summary>
    public IReadOnlyList<RangeCommit>? Ranges(IReadOnlyList<string?> bases, IReadOnlyList<string> folders)
    {
        if (state.Head is not { } head)
        {
            return null;
        }

        lock (gate)
        {
            if (reader is null)
            {
                return null;
            }

            try
            {
                var clock = Stopwatch.StartNew();
                var ranges = reader.Ranges(head, bases, folders);
                Detail = ranges is null ? "commits read by git (a parent newer than its child: one walk for every package could miss a path)"
                    : string.Create(CultureInfo.InvariantCulture, $"{bases.Count} ranges read from the repository's files ({ranges.Count} commits, {folders.Count} folders compared, in {clock.Elapsed.TotalMilliseconds:0.0} ms)");
                return ranges;
            }
            catch (Exception e) when (IsReaderProblem(e))
            {
                Abandon(e);
                return null;
            }
        }
    }

    /// <summary>
    /// Lets go of the repository's files (their memory maps) before git writes to the repository: a fetch or a commit can
    /// start `git gc --auto`, which on Windows cannot delete a pack that is still mapped. Git answers from then on.
    /// </summary>
    public void CloseFiles(string why)
    {
        lock (gate)
        {
            if (reader is not null)
            {
                readerProblem = why;
                reader.Dispose();
                reader = null;
            }
        }
    }

    public void Dispose() => CloseFiles("closed");

    private static bool IsReaderProblem(Exception e) =>
        e is NotSupportedException or InvalidDataException or IOException or UnauthorizedAccessException or FormatException;

    private static bool IsCommitName(string text) => text.Length == 40 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>Something in the files the reader does not take: git answers this and every later question.</summary>
    private void Abandon(Exception e) => CloseFiles(SlipwayError.Flatten(e.Message));

    /// <summary>
    /// Asks about reachability batch by batch, highest version first; tags on HEAD itself are set aside (a re-run of a
    /// release must see the line as it was before it). What one walk learns is kept: it names every version tag it passed
    /// as unreachable (all the tags of an unmerged branch at once), so they are never asked again.
    /// </summary>
    private static Task<ReleaseLine> FindLineBeforeHeadAsync(string head, IReadOnlyList<VersionTag> candidates, IReadOnlyList<VersionTag> versionTags,
        Func<IReadOnlyCollection<string>, IReadOnlySet<string>, Task<IReadOnlySet<string>>> notReachableFromHead)
    {
        var tagged = new HashSet<string>(versionTags.Count, StringComparer.Ordinal); // sized once: ten thousand tags are not rehashed
        foreach (var tag in versionTags)
        {
            tagged.Add(tag.Commit);
        }

        var notReachable = new HashSet<string>(StringComparer.Ordinal) { head };
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        return VersionDiscovery.FindAsync(candidates, async batch =>
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
