using System.Buffers.Binary;

namespace Slipway.Adapters.Git.Objects;

/// <summary>
/// git's commit-graph (gitformat-commit-graph): every commit's parents and committer time in fixed-size rows, written by
/// `git gc`, `git maintenance` and `git commit-graph write`. A walk reads a commit from it in a binary search, with nothing
/// to inflate. A commit's parents and time never change, so a graph that is behind the history is still right for the
/// commits it has; the others are read from the packs. A single file (objects/info/commit-graph) or a chain of layers
/// (objects/info/commit-graphs/), as git reads them; one it does not understand is not used.
/// </summary>
internal sealed class CommitGraph : IDisposable
{
    private const uint NoParent = 0x7000_0000;
    private const uint OctopusFlag = 0x8000_0000;
    private const int RowSize = ObjectId.Size + 16;

    private readonly List<Layer> layers;

    private CommitGraph(List<Layer> layers)
    {
        this.layers = layers;
    }

    /// <summary>The graph of an object directory, or null when it has none (or one this reader does not take).</summary>
    public static CommitGraph? TryOpen(string objectsDirectory)
    {
        var info = Path.Combine(objectsDirectory, "info");
        var single = Path.Combine(info, "commit-graph");
        var chain = Path.Combine(info, "commit-graphs", "commit-graph-chain");
        string[] files;
        if (File.Exists(single))
        {
            files = [single];
        }
        else if (File.Exists(chain))
        {
            files = [.. File.ReadAllLines(chain).Where(l => l.Length > 0).Select(h => Path.Combine(info, "commit-graphs", $"graph-{h}.graph"))];
        }
        else
        {
            return null;
        }

        var layers = new List<Layer>();
        try
        {
            long first = 0;
            foreach (var file in files)
            {
                var layer = Layer.Open(file, first, layers.Count);
                layers.Add(layer);
                first += layer.Count;
            }

            return layers.Count > 0 ? new CommitGraph(layers) : null;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            foreach (var layer in layers)
            {
                layer.Dispose();
            }

            return null;
        }
    }

    /// <summary>The commit's parents and committer time, when the graph has the commit.</summary>
    public bool TryGet(ObjectId id, out ObjectId[] parents, out long committerTime)
    {
        // The newest layer first: it holds the newest commits, which a walk from HEAD asks for first.
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            var row = layers[i].Find(id);
            if (row >= 0)
            {
                (parents, committerTime) = Read(layers[i], row);
                return true;
            }
        }

        parents = [];
        committerTime = 0;
        return false;
    }

    private (ObjectId[] Parents, long Time) Read(Layer layer, int row)
    {
        var data = layer.Row(row);
        var first = BinaryPrimitives.ReadUInt32BigEndian(data[ObjectId.Size..]);
        var second = BinaryPrimitives.ReadUInt32BigEndian(data[(ObjectId.Size + 4)..]);
        var high = BinaryPrimitives.ReadUInt32BigEndian(data[(ObjectId.Size + 8)..]);
        var low = BinaryPrimitives.ReadUInt32BigEndian(data[(ObjectId.Size + 12)..]);
        var time = ((long)(high & 3) << 32) | low; // 34 bits: the low two bits of the generation word, then 32

        var parents = new List<ObjectId>(2);
        if (first != NoParent)
        {
            parents.Add(At(first));
        }

        if (second != NoParent)
        {
            if ((second & OctopusFlag) == 0)
            {
                parents.Add(At(second));
            }
            else
            {
                // An octopus merge: its second to last parents are in the extra edge list, the last one flagged.
                for (var edge = (int)(second & ~OctopusFlag); ; edge++)
                {
                    var value = layer.Edge(edge);
                    parents.Add(At(value & ~OctopusFlag));
                    if ((value & OctopusFlag) != 0)
                    {
                        break;
                    }
                }
            }
        }

        return ([.. parents], time);
    }

    /// <summary>The commit at a position of the whole chain (a layer's parents may be in the layers below it).</summary>
    private ObjectId At(uint position)
    {
        foreach (var layer in layers)
        {
            if (position >= layer.First && position < layer.First + layer.Count)
            {
                return layer.Name((int)(position - layer.First));
            }
        }

        throw new InvalidDataException("a commit-graph parent outside the graph");
    }

    public void Dispose()
    {
        foreach (var layer in layers)
        {
            layer.Dispose();
        }
    }

    /// <summary>One commit-graph file: its fan-out, sorted names, commit data and extra edges.</summary>
    private sealed class Layer : IDisposable
    {
        private readonly MappedFile file;
        private readonly long fanout;
        private readonly long names;
        private readonly long rows;
        private readonly long edges;
        private readonly long edgesEnd;

        private Layer(MappedFile file, long fanout, long names, long rows, long edges, long edgesEnd, long first, int count)
        {
            this.file = file;
            this.fanout = fanout;
            this.names = names;
            this.rows = rows;
            this.edges = edges;
            this.edgesEnd = edgesEnd;
            First = first;
            Count = count;
        }

        public long First { get; }

        public int Count { get; }

        public static Layer Open(string path, long first, int bases)
        {
            var file = MappedFile.Open(path);
            try
            {
                var header = file.Span(0, 8);
                if (header.Length < 8 || !header[..4].SequenceEqual("CGPH"u8) || header[4] != 1 || header[5] != 1 || header[7] != bases)
                {
                    throw new NotSupportedException($"{path} is not a version 1, SHA-1 commit-graph of this chain");
                }

                var chunks = header[6];
                var toc = file.Span(8, (chunks + 1) * 12);
                long fanout = -1, names = -1, rows = -1, edges = -1, edgesEnd = -1;
                for (var i = 0; i < chunks; i++)
                {
                    var id = BinaryPrimitives.ReadUInt32BigEndian(toc[(i * 12)..]);
                    var start = BinaryPrimitives.ReadInt64BigEndian(toc[((i * 12) + 4)..]);
                    var end = BinaryPrimitives.ReadInt64BigEndian(toc[(((i + 1) * 12) + 4)..]);
                    if (start < 0 || end < start || end > file.Length)
                    {
                        throw new InvalidDataException($"{path} has a chunk outside the file");
                    }

                    switch (id)
                    {
                        case 0x4F494446: fanout = start; break; // OIDF
                        case 0x4F49444C: names = start; break;  // OIDL
                        case 0x43444154: rows = start; break;   // CDAT
                        case 0x45444745: (edges, edgesEnd) = (start, end); break; // EDGE
                    }
                }

                if (fanout < 0 || names < 0 || rows < 0)
                {
                    throw new InvalidDataException($"{path} lacks a required chunk");
                }

                var table = file.Span(fanout, 256 * 4);
                uint previous = 0;
                for (var i = 0; i < 256; i++)
                {
                    var value = table.Length == 256 * 4 ? BinaryPrimitives.ReadUInt32BigEndian(table[(i * 4)..]) : uint.MaxValue;
                    if (value < previous || value > int.MaxValue)
                    {
                        throw new InvalidDataException($"{path} has a broken fan-out table");
                    }

                    previous = value;
                }

                var count = (int)previous;
                if (count < 0 || names + ((long)count * ObjectId.Size) > file.Length || rows + ((long)count * RowSize) > file.Length)
                {
                    throw new InvalidDataException($"{path} is shorter than its commit count");
                }

                return new Layer(file, fanout, names, rows, edges, edgesEnd, first, count);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        /// <summary>The commit's row in this layer, or -1.</summary>
        public int Find(ObjectId id)
        {
            var table = file.Span(fanout, 256 * 4);
            var low = id.FirstByte == 0 ? 0 : (int)BinaryPrimitives.ReadUInt32BigEndian(table[((id.FirstByte - 1) * 4)..]);
            var high = (int)BinaryPrimitives.ReadUInt32BigEndian(table[(id.FirstByte * 4)..]) - 1;
            while (low <= high)
            {
                var middle = (int)((uint)(low + high) >> 1);
                var c = id.CompareTo(file.Span(names + ((long)middle * ObjectId.Size), ObjectId.Size));
                if (c == 0)
                {
                    return middle;
                }

                if (c < 0)
                {
                    high = middle - 1;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return -1;
        }

        public ReadOnlySpan<byte> Row(int row) => file.Span(rows + ((long)row * RowSize), RowSize);

        public ObjectId Name(int row) => ObjectId.FromBytes(file.Span(names + ((long)row * ObjectId.Size), ObjectId.Size));

        public uint Edge(int index)
        {
            var at = edges + ((long)index * 4);
            return edges >= 0 && at + 4 <= edgesEnd
                ? BinaryPrimitives.ReadUInt32BigEndian(file.Span(at, 4))
                : throw new InvalidDataException("a commit-graph octopus edge outside its chunk");
        }

        public void Dispose() => file.Dispose();
    }
}
