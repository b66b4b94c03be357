namespace Slipway.Adapters.Git.Objects;

/// <summary>
/// Answers "which of these commits does HEAD reach?" exactly, reading commits from the object store once each.
/// The walk is git's paint-down-to-common (the one behind `git merge-base`): commits are visited newest first and painted
/// with where they are reached from; it stops when every commit left to visit is reached from both sides. Dates only
/// order the walk, they never end it, so clock skew cannot make the answer wrong (it can only make the walk longer).
/// </summary>
/// <param name="store">Where the commits are read from.</param>
/// <param name="readAheadAfter">
/// How many commits a walk inflates by itself before a second thread starts reading ahead of it (<see cref="ReadAhead"/>):
/// a walk that ends sooner (a release range of a few hundred commits) is not worth a thread.
/// </param>
internal sealed class AncestryWalker(ObjectStore store, int readAheadAfter = AncestryWalker.DefaultReadAheadAfter) : IDisposable
{
    public const int DefaultReadAheadAfter = 256;
    private const byte FromHead = 1;
    private const byte FromCandidate = 2;
    private const byte Stale = 4;
    private const int HeaderBytes = 512;

    private readonly Dictionary<ObjectId, Node> nodes = [];
    private readonly List<Node> touched = [];
    private int walk;
    private int inflatedThisWalk;
    private bool readAheadTried;
    private ReadAhead? readAhead;
    private bool followingHead;

    /// <summary>The commits read so far (each is read once, whatever the number of walks).</summary>
    public int CommitsRead { get; private set; }

    /// <summary>Of <see cref="CommitsRead"/>, those the commit-graph gave.</summary>
    public int CommitsFromGraph { get; private set; }

    /// <summary>Of <see cref="CommitsRead"/>, those a second thread inflated ahead of the walk.</summary>
    public int CommitsReadAhead { get; private set; }

    /// <summary>
    /// Splits <paramref name="candidates"/> into those HEAD reaches (or is) and those it does not. <paramref name="notReachable"/>
    /// also holds every other commit the walk proved unreachable (the rest of an unmerged branch), for the caller to reuse.
    /// </summary>
    public IReadOnlySet<ObjectId> Reachable(ObjectId head, IReadOnlyCollection<ObjectId> candidates, out IReadOnlySet<ObjectId> notReachable)
    {
        TakePrefetched();
        var seeds = candidates.Select(Get).Where(IsCommit).ToList();
        PaintDown(Get(head), seeds);
        var unreachable = OnlyFrom(FromCandidate, head);
        notReachable = unreachable.Select(n => n.Id).ToHashSet();
        return seeds.Where(n => !unreachable.Contains(n)).Select(n => n.Id).ToHashSet();
    }

    /// <summary>
    /// The commits <paramref name="tip"/> reaches and <paramref name="exclude"/> does not, exactly (`git rev-list exclude..tip`
    /// as a set), in the order `git log` lists them: newest committer date first, commits of one date in the order the walk
    /// met them, each after the child that led to it.
    /// </summary>
    public IReadOnlyList<ObjectId> Range(ObjectId tip, ObjectId exclude)
    {
        TakePrefetched();
        var tipNode = Get(tip);
        var excludeNode = Get(exclude);
        if (!IsCommit(tipNode) || !IsCommit(excludeNode))
        {
            throw new InvalidDataException($"{(IsCommit(tipNode) ? exclude : tip)} is not a commit");
        }

        PaintDown(tipNode, [excludeNode]);
        var inRange = OnlyFrom(FromHead, exclude);
        return InLogOrder(tipNode, inRange);
    }

    /// <summary>
    /// The commits of <paramref name="inRange"/> that <paramref name="tip"/> reaches through it, in git log's order: a queue by
    /// committer date, newest first, equal dates first come first served, seeded with the tip.
    /// </summary>
    private List<ObjectId> InLogOrder(Node tip, HashSet<Node> inRange)
    {
        var ordered = new List<ObjectId>(inRange.Count);
        if (!inRange.Contains(tip))
        {
            return ordered;
        }

        var queue = new PriorityQueue<Node, (long Time, long Order)>(Newest.Instance);
        var queued = new HashSet<Node> { tip };
        long order = 0;
        queue.Enqueue(tip, (tip.Time, order++));
        while (queue.TryDequeue(out var node, out _))
        {
            ordered.Add(node.Id);
            foreach (var parentId in node.Parents!)
            {
                var parent = Get(parentId);
                if (inRange.Contains(parent) && queued.Add(parent))
                {
                    queue.Enqueue(parent, (parent.Time, order++));
                }
            }
        }

        return ordered;
    }

    /// <summary>
    /// <paramref name="tip"/>'s history newest first (committer date, as `git rev-list` orders it), read lazily: the caller stops
    /// when it has seen what it looks for. Only the commits' headers are read.
    /// </summary>
    public IEnumerable<ObjectId> Walk(ObjectId tip)
    {
        TakePrefetched();
        readAheadTried = true; // a walk its caller ends early: reading the pack ahead of it would mostly be wasted
        var start = Get(tip);
        if (!IsCommit(start))
        {
            throw new InvalidDataException($"{tip} is not a commit");
        }

        var queue = new PriorityQueue<Node, (long Time, long Order)>(Newest.Instance);
        var queued = new HashSet<Node> { start };
        long order = 0;
        queue.Enqueue(start, (start.Time, order++));
        while (queue.TryDequeue(out var node, out _))
        {
            yield return node.Id;
            foreach (var parentId in node.Parents!)
            {
                var parent = Get(parentId);
                if (queued.Add(parent))
                {
                    if (!IsCommit(parent))
                    {
                        throw new InvalidDataException($"the parent {parentId} of {node.Id} is not a commit");
                    }

                    queue.Enqueue(parent, (parent.Time, order++));
                }
            }
        }
    }

    /// <summary>
    /// The commits <paramref name="tip"/> reaches that not every one of <paramref name="bases"/> reaches, newest first, each with
    /// the bases that do reach it (bit i of the mask: <c>bases[i]</c>): every base's range (`git rev-list base..tip`) from one
    /// walk, painted as <see cref="Reachable"/> paints two sides, with as many sides as bases. Null when a parent is newer than
    /// its child (clock skew): the walk's early end could then miss a path, and the caller asks git instead. A null base reaches
    /// nothing: its range is the tip's whole history.
    /// </summary>
    public IReadOnlyList<(ObjectId Id, ulong[] ReachedBy)>? Ranges(ObjectId tip, IReadOnlyList<ObjectId?> bases)
    {
        TakePrefetched();
        readAheadTried = true; // the ranges' commits are mostly those Walk read already
        var words = Math.Max(1, (bases.Count + 63) / 64);
        var full = new ulong[words];
        for (var i = 0; i < bases.Count; i++)
        {
            full[i / 64] |= 1UL << (i % 64);
        }

        var reach = new Dictionary<Node, (bool FromTip, ulong[] Bits)>();
        var queue = new PriorityQueue<(Node Node, bool Fresh), (long Time, long Order)>(Newest.Instance);
        long order = 0;
        var fresh = 0; // queued entries not reached by every base: the walk ends when none is left

        bool IsFull(ulong[] bits)
        {
            for (var w = 0; w < words; w++)
            {
                if (bits[w] != full[w])
                {
                    return false;
                }
            }

            return true;
        }

        void Push(Node node, bool fromTip, ulong[] bits)
        {
            if (!IsCommit(node))
            {
                throw new InvalidDataException($"{node.Id} is not a commit");
            }

            if (!reach.TryGetValue(node, out var known))
            {
                known = (false, new ulong[words]);
            }

            var changed = fromTip && !known.FromTip;
            for (var w = 0; w < words; w++)
            {
                changed |= (known.Bits[w] | bits[w]) != known.Bits[w];
                known.Bits[w] |= bits[w];
            }

            if (!changed && reach.ContainsKey(node))
            {
                return;
            }

            reach[node] = (known.FromTip || fromTip, known.Bits);
            var isFresh = !IsFull(known.Bits);
            queue.Enqueue((node, isFresh), (node.Time, order++));
            fresh += isFresh ? 1 : 0;
        }

        var tipNode = Get(tip);
        Push(tipNode, true, new ulong[words]);
        for (var i = 0; i < bases.Count; i++)
        {
            // No base (a package never released): nothing is reached by it, so its range is the whole history.
            if (bases[i] is { } id)
            {
                var bits = new ulong[words];
                bits[i / 64] |= 1UL << (i % 64);
                Push(Get(id), false, bits);
            }
        }

        var skewed = false;
        while (fresh > 0 && queue.TryDequeue(out var entry, out _))
        {
            // Counted as it was when queued (as in Paint): a commit that filled up while waiting keeps the walk going, never ends it early.
            var node = entry.Node;
            var (fromTip, bits) = reach[node];
            if (entry.Fresh)
            {
                fresh--;
            }

            foreach (var parentId in node.Parents!)
            {
                var parent = Get(parentId);
                Push(parent, fromTip, (ulong[])bits.Clone());
                skewed |= parent.Time > node.Time;
            }
        }

        if (skewed)
        {
            return null;
        }

        // git log's order over the commits the tip reaches and some base does not.
        var inRange = reach.Where(r => r.Value.FromTip && !IsFull(r.Value.Bits)).Select(r => r.Key).ToHashSet();
        return [.. InLogOrder(tipNode, inRange).Select(id => (id, reach[Get(id)].Bits))];
    }

    /// <summary>How many parents the commit has and its committer time (seconds since the epoch), read once like every commit a walk meets.</summary>
    /// <exception cref="InvalidDataException">The object is missing or is not a commit.</exception>
    public (int Parents, long CommitterTime) Header(ObjectId id)
    {
        var node = Get(id);
        return IsCommit(node) ? (node.Parents!.Length, node.Time) : throw new InvalidDataException($"{id} is not a commit");
    }

    /// <summary>
    /// The commits the last walk painted from one side only (<paramref name="side"/>), proven not reachable from
    /// <paramref name="other"/>. They are, unless the walk stopped above a commit that <paramref name="other"/> reaches by a path
    /// it had not walked yet (clock skew). If any of them is reachable from it, so is every one below it down to a "bottom"
    /// (one with no parent in the set): checking the few bottoms exactly proves the whole set, and only when one fails is each
    /// commit checked.
    /// </summary>
    private HashSet<Node> OnlyFrom(byte side, ObjectId other)
    {
        var painted = touched.Where(n => n.Flags == side).ToList();
        var set = painted.ToHashSet();
        var bottoms = painted.Where(n => !n.Parents!.Any(p => set.Contains(Get(p)))).ToList();
        return bottoms.Any(b => IsAncestor(b, other)) ? painted.Where(n => !IsAncestor(n, other)).ToHashSet() : set;
    }

    private bool IsAncestor(Node node, ObjectId head)
    {
        PaintDown(Get(head), [node]);
        return (node.Flags & FromHead) != 0;
    }

    private void PaintDown(Node head, IReadOnlyList<Node> candidates)
    {
        walk++;
        inflatedThisWalk = 0;
        readAheadTried = false;
        try
        {
            Paint(head, candidates);
        }
        finally
        {
            // The helper's thread ends with the walk: nothing reads the files behind the caller's back afterwards.
            StopReadAhead();
        }
    }

    /// <summary>
    /// Starts reading <paramref name="head"/>'s history on a second thread, for the next walk to find read: the caller has
    /// something else to do first (the tags to list). Not when a commit-graph answers the walk without inflating anything.
    /// </summary>
    public void Prefetch(ObjectId head)
    {
        if (readAhead is null && store.Graph is null && Environment.ProcessorCount >= 2)
        {
            readAhead = ReadAhead.FromHead(store, head, HeaderBytes, readAheadAfter);
            followingHead = true;
        }
    }

    public void Dispose() => StopReadAhead();

    private void TakePrefetched()
    {
        if (readAhead is null || !followingHead)
        {
            return;
        }

        followingHead = false;
        var followed = readAhead.TakeFollowed(out var running);
        nodes.EnsureCapacity(nodes.Count + (followed.Count * 2)); // the walk goes on below what was followed
        foreach (var (id, (parents, time)) in followed)
        {
            var node = Get(id);
            if (node.Parents is null)
            {
                (node.Parents, node.Time) = (parents, time);
                CommitsRead++;
                CommitsReadAhead++;
            }
        }

        if (!running)
        {
            StopReadAhead();
        }
    }

    /// <summary>Stops the second thread (and waits for it), if one runs: at the end of each walk, or when no walk is coming.</summary>
    public void StopReadAhead()
    {
        followingHead = false;
        if (readAhead is not null)
        {
            CommitsReadAhead += readAhead.Taken;
            readAhead.Dispose();
            readAhead = null;
        }
    }

    private void Paint(Node head, IReadOnlyList<Node> candidates)
    {
        touched.Clear();
        var queue = new PriorityQueue<(Node Node, bool Fresh), (long Time, long Order)>(Newest.Instance);
        long order = 0;
        var fresh = 0; // entries queued while not stale: the walk ends when none is left

        void Push(Node node, byte flags)
        {
            if (node.Walk != walk)
            {
                node.Walk = walk;
                node.Flags = 0;
                touched.Add(node);
            }

            node.Flags |= flags;
            var isFresh = (node.Flags & Stale) == 0;
            queue.Enqueue((node, isFresh), (node.Time, order++));
            if (isFresh)
            {
                fresh++;
            }
        }

        if (!IsCommit(head))
        {
            throw new InvalidDataException($"HEAD ({head.Id}) is not a commit");
        }

        Push(head, FromHead);
        foreach (var candidate in candidates)
        {
            Push(candidate, FromCandidate);
        }

        while (fresh > 0 && queue.TryDequeue(out var entry, out _))
        {
            // Counted as it was when queued: a commit that turned stale while waiting still keeps the walk going (longer, never shorter).
            var node = entry.Node;
            if (entry.Fresh)
            {
                fresh--;
            }

            var flags = (byte)(node.Flags & (FromHead | FromCandidate | Stale));
            if ((flags & (FromHead | FromCandidate)) == (FromHead | FromCandidate))
            {
                flags |= Stale;
            }

            foreach (var parentId in node.Parents!)
            {
                var parent = Get(parentId);
                if (parent.Walk == walk && (parent.Flags & flags) == flags)
                {
                    continue;
                }

                if (!IsCommit(parent))
                {
                    throw new InvalidDataException($"the parent {parentId} of {node.Id} is not a commit");
                }

                Push(parent, flags);
            }
        }

    }

    private Node Get(ObjectId id)
    {
        if (!nodes.TryGetValue(id, out var node))
        {
            node = new Node(id);
            nodes[id] = node;
        }

        return node;
    }

    private bool IsCommit(Node node)
    {
        if (node.Parents is null)
        {
            if (store.Graph is { } graph && graph.TryGet(node.Id, out var graphParents, out var graphTime))
            {
                CommitsRead++;
                CommitsFromGraph++;
                (node.Parents, node.Time) = (graphParents, graphTime);
                return true;
            }

            var location = store.Locate(node.Id);
            if (readAhead is not null && location.Pack is { } pack && readAhead.TryGet(pack, location.Offset, out var readParents, out var readTime))
            {
                CommitsRead++;
                (node.Parents, node.Time) = (readParents, readTime);
                return true;
            }

            // A commit's header is its first few hundred bytes: the message (often most of it) is never inflated.
            var type = store.ReadStart(node.Id, location, HeaderBytes, out var start, out var whole);
            if (type == ObjectType.Commit)
            {
                CommitsRead++;
                if (!CommitHeader.TryParse(start, whole, out var parents, out var time))
                {
                    (parents, time) = CommitHeader.Parse(store.Read(node.Id).Data);
                }

                (node.Parents, node.Time) = (parents, time);
                if (++inflatedThisWalk >= readAheadAfter && !readAheadTried && readAhead is null && location.Pack is { } inPack
                    && ReadAhead.Worth(inflatedThisWalk, inPack, readAheadAfter))
                {
                    readAheadTried = true;
                    StartReadAhead(inPack, location.Offset, parents);
                }
            }
            else
            {
                node.Parents = [];
                node.NotACommit = true;
            }
        }

        return !node.NotACommit;
    }

    /// <summary>
    /// A long walk: let a second thread read the commits that lie next in the pack, in the direction this commit's first parent
    /// lies (a history in pack order goes on that way).
    /// </summary>
    private void StartReadAhead(PackFile pack, long offset, ObjectId[] parents)
    {
        if (parents.Length == 0 || Environment.ProcessorCount < 2)
        {
            return;
        }

        var parent = store.Locate(parents[0]);
        if (ReferenceEquals(parent.Pack, pack))
        {
            readAhead = ReadAhead.InPack(store, pack, offset, parent.Offset < offset, HeaderBytes);
        }
    }

    private sealed class Node(ObjectId id)
    {
        public ObjectId Id { get; } = id;

        public ObjectId[]? Parents { get; set; }

        public long Time { get; set; }

        public bool NotACommit { get; set; }

        public int Walk { get; set; }

        public byte Flags { get; set; }
    }

    /// <summary>Newest commit first; among equal times, the one queued first.</summary>
    private sealed class Newest : IComparer<(long Time, long Order)>
    {
        public static readonly Newest Instance = new();

        public int Compare((long Time, long Order) x, (long Time, long Order) y)
        {
            var c = y.Time.CompareTo(x.Time);
            return c != 0 ? c : x.Order.CompareTo(y.Order);
        }
    }
}
