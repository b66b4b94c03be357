using Slipway.Adapters.Git.Objects;
using Slipway.Core.Commits;

namespace Slipway.Adapters.Git;

/// <summary>
/// Reads tags, answers reachability and lists the commits of a release range straight from the repository's files (refs,
/// packs, loose objects), with no git process: the hot path of `slipway version` and `plan`. It reads only; writes always go through `git`. Repositories it
/// does not fully understand (reftable, SHA-256, replace refs, grafts, an object it cannot find) make <see cref="Open"/> or
/// a query throw <see cref="NotSupportedException"/> or <see cref="InvalidDataException"/>, and the caller asks git.
/// </summary>
public sealed class LocalObjectReader : IDisposable
{
    // Environment that changes where git looks for objects or which objects it sees.
    private static readonly string[] GitEnvironment =
    [
        "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_REPLACE_REF_BASE", "GIT_GRAFT_FILE", "GIT_COMMON_DIR",
    ];

    /// <summary>A range this long is read by two threads, each half with its own store (~2 ms of work: worth a thread's start).</summary>
    internal const int DefaultParallelRangeAfter = 512;

    private readonly string commonDirectory;
    private readonly ObjectStore store;
    private readonly AncestryWalker walker;
    private readonly int parallelRangeAfter;

    private LocalObjectReader(string commonDirectory, ObjectStore store, int readAheadAfter, int parallelRangeAfter)
    {
        this.commonDirectory = commonDirectory;
        this.store = store;
        this.parallelRangeAfter = parallelRangeAfter;
        walker = new AncestryWalker(store, readAheadAfter);
    }

    /// <summary>Opens the repository whose common git directory (for a linked worktree, the main one's) is given.</summary>
    public static LocalObjectReader Open(string commonDirectory) => Open(commonDirectory, null);

    /// <summary>
    /// Opens the repository with the given zlib decoder (tests run both), or the best one when null; tests also choose after how
    /// many commits a walk is read ahead on a second thread, and from how many commits on a range is read by two.
    /// </summary>
    internal static LocalObjectReader Open(string commonDirectory, IInflater? inflater, bool commitGraph = true,
        int readAheadAfter = AncestryWalker.DefaultReadAheadAfter, int parallelRangeAfter = DefaultParallelRangeAfter)
    {
        foreach (var variable in GitEnvironment)
        {
            if (!string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(variable)))
            {
                throw new NotSupportedException($"{variable} is set");
            }
        }

        if (RepositoryFiles.UnsupportedConfiguration(commonDirectory, layout: false) is { } unsupported)
        {
            throw new NotSupportedException(unsupported);
        }

        if (File.Exists(Path.Combine(commonDirectory, "info", "grafts")) || HasReplaceRefs(commonDirectory))
        {
            throw new NotSupportedException("the repository has grafts or replace refs");
        }

        return new LocalObjectReader(commonDirectory, ObjectStore.Open(Path.Combine(commonDirectory, "objects"), inflater, commitGraph), readAheadAfter,
            parallelRangeAfter);
    }

    /// <summary>How many commits the reachability walks have read so far.</summary>
    public int CommitsRead => walker.CommitsRead;

    /// <summary>Of <see cref="CommitsRead"/>, those the repository's commit-graph gave (nothing inflated).</summary>
    public int CommitsFromGraph => walker.CommitsFromGraph;

    /// <summary>Of <see cref="CommitsRead"/>, those a second thread inflated ahead of a long walk.</summary>
    public int CommitsReadAhead => walker.CommitsReadAhead;

    /// <summary>
    /// Starts reading <paramref name="head"/>'s history on a second thread while the caller lists the tags: the walk that
    /// follows (<see cref="NotReachableFrom"/>, <see cref="Log"/>) finds those commits read.
    /// </summary>
    public void Prefetch(string head) => walker.Prefetch(ObjectId.Parse(head));

    /// <summary>Stops what <see cref="Prefetch"/> started, when no walk followed it (a repository with no version tag).</summary>
    public void EndPrefetch() => walker.StopReadAhead();

    /// <summary>
    /// Every tag under refs/tags/ whose name starts with <paramref name="prefix"/> (all of them by default), with the commit (or
    /// other object) it peels to: what `git show-ref --dereference --tags` says.
    /// </summary>
    public IReadOnlyList<TagRef> ListTags(string prefix = "")
    {
        var files = TagFiles.Read(commonDirectory, honourReplaceRefs: string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("GIT_NO_REPLACE_OBJECTS")), prefix);
        var tags = new List<TagRef>(files.Count);
        foreach (var (name, objectId, peeled) in files)
        {
            // packed-refs says what most tags peel to; the others (loose refs) are peeled by reading their tag objects.
            var target = peeled ?? Peel(objectId);
            tags.Add(new TagRef(name, objectId, target.ToString()));
        }

        return tags;
    }

    /// <summary>
    /// Which of <paramref name="commits"/> <paramref name="head"/> does not reach; also the commits of <paramref name="watch"/>
    /// the walk proved unreachable. The contract of <see cref="IGitRepository.NotReachableFromHeadAsync"/>.
    /// </summary>
    public IReadOnlySet<string> NotReachableFrom(string head, IReadOnlyCollection<string> commits, IReadOnlySet<string> watch)
    {
        var candidates = commits.Select(ObjectId.Parse).ToList();
        var reachable = walker.Reachable(ObjectId.Parse(head), candidates, out var unreachable);
        var answer = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, id) in commits.Zip(candidates))
        {
            if (!reachable.Contains(id))
            {
                answer.Add(text);
            }
        }

        foreach (var id in unreachable)
        {
            var text = id.ToString();
            if (watch.Contains(text))
            {
                answer.Add(text);
            }
        }

        return answer;
    }

    /// <summary>
    /// The commits of <paramref name="exclusiveFrom"/>..<paramref name="until"/> (both commit names), newest first, as
    /// `git log` lists them: the contract of <see cref="IGitRepository.LogAsync(string?, string, bool, CancellationToken)"/>.
    /// The set is exact where git's own walk can be fooled by clock skew into listing commits of the excluded side.
    /// </summary>
    public IReadOnlyList<Commit> Log(string exclusiveFrom, string until, bool includeMerges)
    {
        var commits = new List<Commit>();
        foreach (var id in walker.Range(ObjectId.Parse(until), ObjectId.Parse(exclusiveFrom)))
        {
            var (type, data) = store.Read(id);
            var commit = type == ObjectType.Commit ? CommitReader.Read(id, data) : throw new InvalidDataException($"{id} is not a commit");
            if (includeMerges || !commit.IsMerge)
            {
                commits.Add(commit);
            }
        }

        return commits;
    }

    /// <summary>
    /// The commits of <paramref name="exclusiveFrom"/>..<paramref name="until"/> with their committer times, merges left out,
    /// newest first: `git log --no-merges --format='%H %ct'`. Only the commits' headers are read (or the commit-graph).
    /// </summary>
    public IReadOnlyList<(string Sha, long CommitterTime)> CommitTimes(string exclusiveFrom, string until)
    {
        var times = new List<(string, long)>();
        foreach (var id in walker.Range(ObjectId.Parse(until), ObjectId.Parse(exclusiveFrom)))
        {
            var (parents, time) = walker.Header(id);
            if (parents <= 1)
            {
                times.Add((id.ToString(), time));
            }
        }

        return times;
    }

    /// <summary><paramref name="tip"/>'s history newest first (`git rev-list`), read lazily for a walk that stops when it has found what it looks for.</summary>
    public IEnumerable<string> Ancestors(string tip) => walker.Walk(ObjectId.Parse(tip)).Select(id => id.ToString());

    /// <summary>
    /// Every base's range (`base..tip`) from one walk: the commits <paramref name="tip"/> reaches that not all of
    /// <paramref name="bases"/> do, newest first as `git log` lists them, each with the bases that reach it and which of
    /// <paramref name="folders"/> it changed (merges: none, as `git log --no-merges` lists none). Null when clock skew could
    /// make the one walk wrong: the caller asks git.
    /// </summary>
    public IReadOnlyList<RangeCommit>? Ranges(string tip, IReadOnlyList<string?> bases, IReadOnlyList<string> folders)
    {
        var painted = walker.Ranges(ObjectId.Parse(tip), [.. bases.Select(b => b is null ? (ObjectId?)null : ObjectId.Parse(b))]);
        if (painted is null)
        {
            return null;
        }

        // Two threads, each with its own store (decoder and delta bases) over the same packs: the newer half of the range here,
        // the older half beside it. A short range is not worth a thread.
        var split = painted.Count >= parallelRangeAfter && System.Environment.ProcessorCount >= 2 ? painted.Count / 2 : painted.Count;
        var older = split < painted.Count
            ? Task.Run(() =>
            {
                using var twin = store.Twin();
                return Read(twin, painted, split, painted.Count, folders);
            })
            : null;
        List<RangeCommit> commits;
        try
        {
            commits = Read(store, painted, 0, split, folders);
        }
        catch
        {
            // The caller lets go of the packs on a reader problem: the other thread must be done reading their memory first.
            older?.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
            throw;
        }

        if (older is not null)
        {
            commits.AddRange(older.GetAwaiter().GetResult());
        }

        return commits;
    }

    /// <summary>The range's commits from <paramref name="from"/> to <paramref name="to"/> (newest first), whole, with the folders each changed.</summary>
    private static List<RangeCommit> Read(ObjectStore store, IReadOnlyList<(ObjectId Id, ulong[] ReachedBy)> painted, int from, int to, IReadOnlyList<string> folders)
    {
        // Newest first, the order of git's delta chains in a pack (a newer tree whole, older ones as deltas on it): each tree
        // is rebuilt from the one just read instead of from the far end of its chain.
        var changes = new FolderChanges(store, folders);
        var read = new List<Commit>(to - from);
        for (var i = from; i < to; i++)
        {
            var id = painted[i].Id;
            var (type, data) = store.Read(id);
            read.Add(type == ObjectType.Commit ? CommitReader.Read(id, data) : throw new InvalidDataException($"{id} is not a commit"));
            changes.TreeOf(id, type, data);
        }

        var commits = new List<RangeCommit>(to - from);
        for (var i = from; i < to; i++)
        {
            var ((id, reachedBy), commit) = (painted[i], read[i - from]);
            string[] changed = commit.IsMerge ? []
                : [.. changes.Changed(changes.TreeOf(id), commit.Parents.Count == 0 ? null : changes.TreeOf(ObjectId.Parse(commit.Parents[0]))).Select(c => folders[c])];
            commits.Add(new RangeCommit(commit, reachedBy, changed));
        }

        return commits;
    }

    /// <summary>Whether the repository holds <paramref name="sha"/> as a commit (a deployment's commit may never have been fetched here).</summary>
    public bool HasCommit(string sha)
    {
        if (!ObjectId.TryParse(sha.AsSpan(), out var id))
        {
            return false;
        }

        try
        {
            return store.ReadStart(id, 64, out _, out _) == ObjectType.Commit;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>One commit, by its name.</summary>
    public Commit ReadCommit(string sha)
    {
        var id = ObjectId.Parse(sha);
        var (type, data) = store.Read(id);
        return type == ObjectType.Commit ? CommitReader.Read(id, data) : throw new InvalidDataException($"{id} is not a commit");
    }

    private ObjectId Peel(ObjectId id)
    {
        for (var depth = 0; depth < 16; depth++)
        {
            var (type, data) = store.Read(id);
            if (type != ObjectType.Tag)
            {
                return id;
            }

            (id, _) = CommitHeader.ParseTag(data);
        }

        throw new NotSupportedException("a tag chain deeper than 16");
    }

    private static bool HasReplaceRefs(string commonDirectory)
    {
        if (!string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("GIT_NO_REPLACE_OBJECTS")))
        {
            return false;
        }

        // Packed replace refs are looked for while packed-refs is read for the tags (TagFiles).
        var loose = Path.Combine(commonDirectory, "refs", "replace");
        return Directory.Exists(loose) && Directory.EnumerateFiles(loose, "*", SearchOption.AllDirectories).Any();
    }

    public void Dispose()
    {
        walker.Dispose();
        store.Dispose();
    }
}
