using System.IO.Compression;
using System.Text;

namespace Slipway.Adapters.Git.Objects;

/// <summary>
/// Reads objects straight from a repository's object directory (its packs, loose objects and alternates), the way git
/// itself does, without starting a process per question. Read-only; anything it does not understand is an exception
/// (<see cref="NotSupportedException"/> or <see cref="InvalidDataException"/>), and the caller asks git instead.
/// </summary>
internal sealed class ObjectStore : IDisposable
{
    private readonly List<string> looseDirectories = [];
    private readonly List<PackFile> packs = [];
    private readonly IInflater inflater;
    private readonly Dictionary<(PackFile, long), (ObjectType Type, byte[] Data)> deltaBases = [];
    private readonly bool ownsFiles;
    private byte[] scratch = new byte[1024];
    private int lastPack;

    private ObjectStore(IInflater inflater, bool ownsFiles = true)
    {
        this.inflater = inflater;
        this.ownsFiles = ownsFiles;
    }

    /// <summary>The repository's commit-graph, when it has one: commits a walk reads without inflating them.</summary>
    public CommitGraph? Graph { get; private set; }

    /// <summary>
    /// A store over the same packs for another thread: its own decoder, scratch buffer and delta bases (none of which is
    /// thread-safe), the packs' memory maps and indexes shared (they are read-only). Disposing it leaves the packs open.
    /// </summary>
    public ObjectStore Twin()
    {
        var twin = new ObjectStore(NewInflater(), ownsFiles: false) { Graph = Graph };
        twin.looseDirectories.AddRange(looseDirectories);
        twin.packs.AddRange(packs);
        return twin;
    }

    /// <summary>A delta base this store rebuilt lately (a tree or blob: the next object of its delta chain is likely asked next).</summary>
    public bool TryGetBase(PackFile pack, long offset, out (ObjectType Type, byte[] Data) entry) => deltaBases.TryGetValue((pack, offset), out entry);

    public void RememberBase(PackFile pack, long offset, (ObjectType Type, byte[] Data) entry)
    {
        if (deltaBases.Count >= 256)
        {
            deltaBases.Clear();
        }

        deltaBases[(pack, offset)] = entry;
    }

    /// <summary>Opens an object directory; objects are inflated by the system's zlib when it loads, else by the managed <see cref="Inflater"/>.</summary>
    public static ObjectStore Open(string objectsDirectory, IInflater? inflater = null, bool commitGraph = true)
    {
        var store = new ObjectStore(inflater ?? BestInflater());
        try
        {
            store.Add(Path.GetFullPath(objectsDirectory), depth: 0);
            store.Graph = commitGraph ? CommitGraph.TryOpen(Path.GetFullPath(objectsDirectory)) : null;
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private void Add(string directory, int depth)
    {
        if (!Directory.Exists(directory))
        {
            throw new NotSupportedException($"no object directory at {directory}");
        }

        if (looseDirectories.Contains(directory, StringComparer.Ordinal))
        {
            return;
        }

        looseDirectories.Add(directory);
        var packDirectory = Path.Combine(directory, "pack");
        if (Directory.Exists(packDirectory))
        {
            // Newest packs first, as git prefers them: recent objects are asked for most.
            foreach (var indexPath in new DirectoryInfo(packDirectory).GetFiles("*.idx").OrderByDescending(f => f.LastWriteTimeUtc))
            {
                if (File.Exists(Path.ChangeExtension(indexPath.FullName, ".pack")))
                {
                    packs.Add(new PackFile(indexPath.FullName));
                }
            }
        }

        var alternates = Path.Combine(directory, "info", "alternates");
        if (File.Exists(alternates))
        {
            if (depth >= 5)
            {
                throw new NotSupportedException("alternates nested too deep");
            }

            foreach (var line in File.ReadAllLines(alternates))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                if (line[0] == '"')
                {
                    throw new NotSupportedException("a quoted path in objects/info/alternates");
                }

                Add(Path.GetFullPath(Path.Combine(directory, line)), depth + 1);
            }
        }
    }

    /// <summary>The object's type and contents.</summary>
    /// <exception cref="InvalidDataException">The object is missing or damaged.</exception>
    public (ObjectType Type, byte[] Data) Read(ObjectId id)
    {
        var (pack, offset) = FindInPacks(id);
        return pack is not null ? pack.Read(offset, this, inflater) : ReadLoose(id);
    }

    /// <summary>
    /// The object's type and its first bytes, at most <paramref name="limit"/> of them (<paramref name="whole"/> when that is all
    /// of it): a commit's header without inflating its message. <paramref name="start"/> is valid until the next read.
    /// </summary>
    public ObjectType ReadStart(ObjectId id, int limit, out ReadOnlySpan<byte> start, out bool whole) =>
        ReadStart(id, Locate(id), limit, out start, out whole);

    /// <summary>As <see cref="ReadStart(ObjectId, int, out ReadOnlySpan{byte}, out bool)"/>, for an object already <see cref="Locate"/>d.</summary>
    public ObjectType ReadStart(ObjectId id, (PackFile? Pack, long Offset) location, int limit, out ReadOnlySpan<byte> start, out bool whole)
    {
        var (pack, offset) = location;
        if (pack is not null && pack.TryReadStart(offset, inflater, Scratch(limit), out var type, out var length, out whole))
        {
            start = scratch.AsSpan(0, length);
            return type;
        }

        (type, var data) = pack is not null ? pack.Read(offset, this, inflater) : ReadLoose(id);
        start = data;
        whole = true;
        return type;
    }

    private Span<byte> Scratch(int limit)
    {
        if (scratch.Length < limit)
        {
            scratch = new byte[limit];
        }

        return scratch.AsSpan(0, limit);
    }

    /// <summary>
    /// The pack that holds the object and where, or (null, -1) when no pack does (it is loose, or missing). The read-ahead
    /// thread calls it too: the packs are fixed once opened, and the pack last found in is only a hint to start from.
    /// </summary>
    public (PackFile? Pack, long Offset) Locate(ObjectId id) => FindInPacks(id);

    /// <summary>This store's decoder (one thread at a time).</summary>
    public IInflater Inflater => inflater;

    /// <summary>A decoder of the same kind as this store's, for another thread (a decoder is not thread-safe).</summary>
    public IInflater NewInflater() => inflater is Inflater ? new Inflater() : BestInflater();

    /// <summary>libdeflate for whole objects where the system has it, the system's zlib, or else the managed decoder.</summary>
    private static IInflater BestInflater()
    {
        var zlib = (IInflater?)SystemZlib.TryOpen() ?? new Inflater();
        return (IInflater?)LibDeflate.TryOpen(zlib) ?? zlib;
    }

    private (PackFile? Pack, long Offset) FindInPacks(ObjectId id)
    {
        for (var i = 0; i < packs.Count; i++)
        {
            var n = (lastPack + i) % packs.Count;
            var offset = packs[n].Find(id);
            if (offset >= 0)
            {
                lastPack = n;
                return (packs[n], offset);
            }
        }

        return (null, -1);
    }

    private (ObjectType Type, byte[] Data) ReadLoose(ObjectId id)
    {
        var hex = id.ToString();
        foreach (var directory in looseDirectories)
        {
            var path = Path.Combine(directory, hex[..2], hex[2..]);
            if (File.Exists(path))
            {
                return ReadLooseFile(path);
            }
        }

        throw new InvalidDataException($"object {hex} is not in the repository");
    }

    private static (ObjectType Type, byte[] Data) ReadLooseFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096);
        using var zlib = new ZLibStream(file, CompressionMode.Decompress);
        using var content = new MemoryStream();
        zlib.CopyTo(content);
        var raw = content.GetBuffer().AsSpan(0, (int)content.Length);
        var space = raw.IndexOf((byte)' ');
        var nul = raw.IndexOf((byte)0);
        if (space <= 0 || nul <= space || !int.TryParse(raw[(space + 1)..nul], out var size) || size != raw.Length - nul - 1)
        {
            throw new InvalidDataException($"{path} is not a loose object");
        }

        var type = Encoding.ASCII.GetString(raw[..space]) switch
        {
            "commit" => ObjectType.Commit,
            "tree" => ObjectType.Tree,
            "blob" => ObjectType.Blob,
            "tag" => ObjectType.Tag,
            _ => throw new InvalidDataException($"{path} has an unknown object type"),
        };
        return (type, raw[(nul + 1)..].ToArray());
    }

    public void Dispose()
    {
        (inflater as IDisposable)?.Dispose();
        if (!ownsFiles)
        {
            return;
        }

        foreach (var pack in packs)
        {
            pack.Dispose();
        }

        Graph?.Dispose();
    }
}
