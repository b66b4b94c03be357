namespace Slipway.Adapters.Git.Objects;

/// <summary>
/// Reads commit headers on a second thread, ahead of a walk. A walk cannot share its own work (a commit names the next ones
/// only once it is inflated), but it can be read ahead of in two ways:
/// <list type="bullet">
/// <item>While the caller is busy with something else first (listing the tags), by following HEAD's history itself, newest
/// first, as the walk will (<see cref="FromHead"/>); the walk takes what was read (<see cref="TakeFollowed"/>).</item>
/// <item>Along a long walk, in the order the commits lie in their pack: git writes a clone's or a repack's commits one after
/// the other, newest first, and fast-import writes them oldest first among their trees and blobs, so the next commits of the
/// walk are, most of the time, the next commits of the pack in the walk's direction. The helper and the walk share those
/// entry by entry (whoever claims an entry first inflates it; the other takes its result, or reads the next one meanwhile),
/// and two threads inflate them about twice as fast as one (<see cref="TryGet"/>). Following HEAD turns into this once the
/// history proves long.</item>
/// </list>
/// The walk never depends on a guess: a commit the helper has not read (another pack, a loose object, a delta, a history out
/// of pack order) is read by the walk as it always is, with the same result. The pack's entries are found from its index
/// (offsets in name order, sorted once), so nothing is inflated to find where the next entry starts; a tree, a blob or a tag
/// is told from the first byte of its entry and skipped.
/// </summary>
internal sealed class ReadAhead : IDisposable
{
    /// <summary>
    /// Sorting the pack's offsets costs ~25 ns an object (2 ms for 80,000), a commit read ~5 µs: reading in pack order starts
    /// once a walk has read a commit for every <c>Payback</c> objects of its pack, i.e. has spent about as long as the sorting
    /// will take (a 500-commit release range in a pack of 1.2 million objects never starts it).
    /// </summary>
    private const int Payback = 256;
    private const int FollowLimit = 1 << 16; // commits followed from HEAD at most (~7 MB), far more than a head start is worth
    private const int WindowEntries = 4096;  // entries of the pack made ready at a time: ~4,000 commits of a clone, ~600 of fast-import
    private const int Patience = 200;        // spins on an entry the helper is inflating, before the walk reads it too

    private const int Following = 0;
    private const int InPackOrder = 1;
    private const int Stopped = 2;

    private const int Free = 0;
    private const int Claimed = 1;
    private const int Done = 2;
    private const int Unusable = 3;

    private readonly ObjectStore store;
    private readonly int headerBytes;
    private readonly int minimum;
    private readonly IInflater helperInflater;
    private readonly IInflater walkInflater;
    private readonly byte[] walkBuffer;
    private readonly Dictionary<ObjectId, (ObjectId[] Parents, long Time)> followed = [];
    private readonly ObjectId? head;
    private readonly Thread thread;
    private int phase;
    private PackFile? pack;
    private long from;
    private bool descending;
    private volatile Window[] windows = [];
    private int lastWindow;
    private bool joined;

    private ReadAhead(ObjectStore store, ObjectId? head, int headerBytes, int minimum, int phase)
    {
        this.store = store;
        this.head = head;
        this.headerBytes = headerBytes;
        this.minimum = minimum;
        this.phase = phase;
        walkInflater = store.Inflater;
        helperInflater = store.NewInflater();
        walkBuffer = new byte[headerBytes];
        thread = new Thread(Run) { IsBackground = true, Name = "slipway read-ahead" };
    }

    /// <summary>How many commits the walk took from the helper.</summary>
    public int Taken { get; private set; }

    /// <summary>Whether a walk that has read <paramref name="commits"/> commits, the last one in <paramref name="inPack"/>, is long enough to read ahead of in pack order.</summary>
    public static bool Worth(int commits, PackFile inPack, int minimum) => commits >= Math.Max(minimum, inPack.Index.Count / Payback);

    /// <summary>
    /// Follows <paramref name="head"/>'s history on a second thread, newest first, <paramref name="headerBytes"/> of each commit;
    /// once it has read enough commits to be <see cref="Worth"/> it (at least <paramref name="minimum"/>), it goes on in pack order.
    /// </summary>
    public static ReadAhead FromHead(ObjectStore store, ObjectId head, int headerBytes, int minimum)
    {
        var readAhead = new ReadAhead(store, head, headerBytes, minimum, Following);
        readAhead.thread.Start();
        return readAhead;
    }

    /// <summary>Reads, in pack order, the commits of <paramref name="inPack"/> past <paramref name="offset"/> (before it when <paramref name="down"/>).</summary>
    public static ReadAhead InPack(ObjectStore store, PackFile inPack, long offset, bool down, int headerBytes)
    {
        var readAhead = new ReadAhead(store, null, headerBytes, 0, InPackOrder) { pack = inPack, from = offset, descending = down };
        _ = inPack.Open();
        readAhead.thread.Start();
        return readAhead;
    }

    /// <summary>
    /// The commits read by following HEAD, for the walk to take. If the helper was still following HEAD, it stops here
    /// (<paramref name="running"/> false); if it went on in pack order, it goes on for the walk to share (<see cref="TryGet"/>).
    /// </summary>
    public Dictionary<ObjectId, (ObjectId[] Parents, long Time)> TakeFollowed(out bool running)
    {
        // The helper writes `followed` only while following, and switches with the same compare-and-swap: whoever wins, the
        // walk reads a dictionary no thread writes any more.
        running = Interlocked.CompareExchange(ref phase, Stopped, Following) == InPackOrder;
        if (!running)
        {
            Join();
        }

        return followed;
    }

    /// <summary>
    /// The parents and committer time of the commit at <paramref name="offset"/> of <paramref name="inPack"/>, when the helper
    /// has read it (or is reading it: then the walk reads the next entries meanwhile). False: the walk reads it itself.
    /// </summary>
    public bool TryGet(PackFile inPack, long offset, out ObjectId[] parents, out long time)
    {
        (parents, time) = ([], 0);
        if (Volatile.Read(ref phase) != InPackOrder || !ReferenceEquals(inPack, pack))
        {
            return false;
        }

        var (window, k) = Find(offset);
        if (window is null)
        {
            return false;
        }

        for (var waited = 0; ;)
        {
            switch (Volatile.Read(ref window.States[k]))
            {
                case Done:
                    (parents, time) = (window.Parents[k]!, window.Times[k]);
                    Taken++;
                    return true;
                case Free:
                    if (Interlocked.CompareExchange(ref window.States[k], Claimed, Free) == Free)
                    {
                        // The walk got here first: the helper goes on from the entry after this one (most of the time the next
                        // commit the walk will want), rather than read behind the walk what it will never want.
                        window.MoveCursorPast(k);
                        return false;
                    }

                    continue;
                case Claimed:
                    // The helper is inflating it: inflate the next entries meanwhile, or wait a moment, then read it anyway.
                    if (!ReadNext(window, walkInflater, walkBuffer))
                    {
                        if (++waited > Patience)
                        {
                            return false;
                        }

                        Thread.SpinWait(20);
                    }

                    continue;
                default:
                    return false;
            }
        }
    }

    private bool Stopping => Volatile.Read(ref phase) == Stopped;

    /// <summary>The window that holds the entry at <paramref name="offset"/>, and where; the walk moves from one window to the next.</summary>
    private (Window? Window, int Index) Find(long offset)
    {
        var all = windows;
        for (var i = 0; i < all.Length; i++)
        {
            var n = (lastWindow + i) % all.Length;
            var k = all[n].Find(offset, descending);
            if (k >= 0)
            {
                lastWindow = n;
                return (all[n], k);
            }
        }

        return (null, -1);
    }

    private void Run()
    {
        try
        {
            if (head is { } start && !Follow(start))
            {
                return;
            }

            ReadInPackOrder();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever went wrong here (a damaged object, or a fault of this class), the walk reads what the helper did not and
            // reports a damaged object itself: an exception escaping a background thread would end the process with a trace.
        }
    }

    /// <summary>Follows HEAD's history; true when it has switched to pack order (<see cref="pack"/>, <see cref="from"/> set).</summary>
    private bool Follow(ObjectId start)
    {
        var buffer = new byte[headerBytes];
        var queue = new PriorityQueue<ObjectId, long>(Newest.Instance);
        var queued = new HashSet<ObjectId> { start };
        queue.Enqueue(start, long.MaxValue);
        while (Volatile.Read(ref phase) == Following && followed.Count < FollowLimit && queue.TryDequeue(out var id, out _))
        {
            var (inPack, offset) = store.Locate(id);
            if (inPack is null || !TryReadHeader(inPack, offset, helperInflater, buffer, out var parents, out var time))
            {
                continue; // not a commit stored whole in a pack: the walk reads it, and what lies below it
            }

            followed[id] = (parents, time);
            if (parents.Length > 0 && Worth(followed.Count, inPack, minimum) && store.Locate(parents[0]) is var (parentPack, parentOffset)
                && ReferenceEquals(parentPack, inPack))
            {
                (pack, from, descending) = (inPack, offset, parentOffset < offset);
                return Interlocked.CompareExchange(ref phase, InPackOrder, Following) == Following;
            }

            foreach (var parent in parents)
            {
                if (queued.Add(parent))
                {
                    queue.Enqueue(parent, time); // the parent's own date is known once it is read; its child's orders it well enough
                }
            }
        }

        return false;
    }

    private void ReadInPackOrder()
    {
        var inPack = pack!;
        var buffer = new byte[headerBytes];
        var order = inPack.Index.OffsetsBetween(descending ? 0 : from + 1, descending ? from : inPack.Open(), () => Stopping);
        for (var done = 0; order is not null && done < order.Length && !Stopping; done += WindowEntries)
        {
            var end = Math.Min(order.Length, done + WindowEntries);
            var commits = new List<long>(end - done);
            for (var i = done; i < end; i++)
            {
                var offset = order[descending ? order.Length - 1 - i : i];
                if (inPack.TypeAt(offset) == ObjectType.Commit)
                {
                    commits.Add(offset);
                }
            }

            if (commits.Count > 0)
            {
                var window = new Window([.. commits]);
                windows = [.. windows, window];
                while (!Stopping && ReadNext(window, helperInflater, buffer))
                {
                }
            }
        }
    }

    /// <summary>Claims the next free entry of <paramref name="window"/> and reads it; false when none is left.</summary>
    private bool ReadNext(Window window, IInflater inflater, byte[] buffer)
    {
        while (true)
        {
            var k = Interlocked.Increment(ref window.Cursor) - 1;
            if (k >= window.Offsets.Length)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref window.States[k], Claimed, Free) != Free)
            {
                continue;
            }

            var state = Unusable;
            try
            {
                if (TryReadHeader(pack!, window.Offsets[k], inflater, buffer, out var parents, out var time))
                {
                    (window.Parents[k], window.Times[k], state) = (parents, time, Done);
                }
            }
            catch (InvalidDataException)
            {
                // Left to the walk, which reads the object itself and reports what is wrong with it.
            }

            Volatile.Write(ref window.States[k], state);
            return true;
        }
    }

    /// <summary>The parents and committer time of the commit at <paramref name="offset"/>, when it is a commit stored whole.</summary>
    private static bool TryReadHeader(PackFile inPack, long offset, IInflater inflater, byte[] buffer, out ObjectId[] parents, out long time)
    {
        (parents, time) = ([], 0);
        return inPack.TryReadStart(offset, inflater, buffer, out var type, out var length, out var whole) && type == ObjectType.Commit
            && CommitHeader.TryParse(buffer.AsSpan(0, length), whole, out parents, out time);
    }

    /// <summary>Stops the helper and waits for it (it is between two entries within microseconds): the pack may be unmapped after this.</summary>
    public void Dispose()
    {
        Volatile.Write(ref phase, Stopped);
        Join();
    }

    private void Join()
    {
        if (!joined)
        {
            joined = true;
            thread.Join();
            (helperInflater as IDisposable)?.Dispose();
        }
    }

    /// <summary>A run of the pack's commits in the walk's order, and what has been read of each.</summary>
    private sealed class Window(long[] offsets)
    {
        public readonly long[] Offsets = offsets;
        public readonly int[] States = new int[offsets.Length];
        public readonly ObjectId[]?[] Parents = new ObjectId[]?[offsets.Length];
        public readonly long[] Times = new long[offsets.Length];
        public int Cursor;

        public int Find(long offset, bool descending)
        {
            var (low, high) = (0, Offsets.Length - 1);
            while (low <= high)
            {
                var middle = (int)((uint)(low + high) >> 1);
                var at = Offsets[middle];
                if (at == offset)
                {
                    return middle;
                }

                if ((at < offset) != descending)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return -1;
        }

        public void MoveCursorPast(int k)
        {
            var seen = Volatile.Read(ref Cursor);
            while (seen <= k)
            {
                var was = Interlocked.CompareExchange(ref Cursor, k + 1, seen);
                if (was == seen)
                {
                    return;
                }

                seen = was;
            }
        }
    }

    private sealed class Newest : IComparer<long>
    {
        public static readonly Newest Instance = new();

        public int Compare(long x, long y) => y.CompareTo(x);
    }
}
