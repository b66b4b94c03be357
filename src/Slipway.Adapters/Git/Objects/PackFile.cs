using System.Buffers.Binary;

namespace Slipway.Adapters.Git.Objects;

/// <summary>One pack (gitformat-pack) and its index: finds an object by name and reads it, applying deltas.</summary>
internal sealed class PackFile : IDisposable
{
    private const int OffsetDelta = 6;
    private const int ReferenceDelta = 7;
    private const long MaxObjectSize = 256L << 20;

    private readonly string packPath;
    private readonly PackIndex index;
    private MappedFile? pack;

    public PackFile(string indexPath)
    {
        packPath = Path.ChangeExtension(indexPath, ".pack");
        index = new PackIndex(indexPath);
    }

    /// <summary>The object's offset in this pack, or -1.</summary>
    public long Find(ObjectId id) => index.Find(id);

    /// <summary>The type of the object at <paramref name="offset"/> when it is stored whole; <see cref="ObjectType.None"/> for a delta.</summary>
    public ObjectType TypeAt(long offset)
    {
        var code = (Mapped.Span(offset, 1)[0] >> 4) & 7;
        return code is >= 1 and <= 4 ? (ObjectType)code : ObjectType.None;
    }

    /// <summary>The pack's index (for a reader that goes through the pack in the order its objects lie).</summary>
    public PackIndex Index => index;

    /// <summary>The pack's length in bytes; maps the pack first, so that readers on other threads find it open.</summary>
    public long Open() => Mapped.Length;

    /// <summary>
    /// Reads the object at <paramref name="offset"/>; a base held by name (REF_DELTA) is read through <paramref name="store"/>,
    /// which also keeps the delta bases rebuilt on the way (one store per thread: several may read one pack at once).
    /// </summary>
    public (ObjectType Type, byte[] Data) Read(long offset, ObjectStore store, IInflater inflater)
    {
        var file = Mapped;
        // Follow the delta chain down to a whole object (or a cached base), then apply the deltas on the way back up.
        var chain = new List<(long Offset, int Start, long Size)>();
        (ObjectType Type, byte[] Data) current;
        var at = offset;
        while (true)
        {
            if (store.TryGetBase(this, at, out current))
            {
                break;
            }

            var header = file.Span(at, 32);
            var type = ReadTypeAndSize(header, out var size, out var used);
            if (size > MaxObjectSize)
            {
                throw new NotSupportedException($"an object of {size} bytes in {packPath}");
            }

            if (type is >= 1 and <= 4)
            {
                var data = GC.AllocateUninitializedArray<byte>((int)size); // every byte is inflated into it (checked)
                Inflate(file, at + used, data, inflater);
                current = ((ObjectType)type, data);
                break;
            }

            if (type == OffsetDelta)
            {
                long distance = header[used] & 0x7F;
                var c = header[used++];
                while ((c & 0x80) != 0)
                {
                    c = header[used++];
                    distance = ((distance + 1) << 7) | (uint)(c & 0x7F);
                }

                chain.Add((at, used, size));
                at -= distance;
                if (at <= 0)
                {
                    throw new InvalidDataException($"a delta base before the start of {packPath}");
                }

                continue;
            }

            if (type == ReferenceDelta)
            {
                var baseId = ObjectId.FromBytes(header.Slice(used, ObjectId.Size));
                chain.Add((at, used + ObjectId.Size, size));
                current = store.Read(baseId);
                break;
            }

            throw new InvalidDataException($"unknown object type {type} in {packPath}");
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var (deltaOffset, start, size) = chain[i];
            var delta = GC.AllocateUninitializedArray<byte>((int)size);
            Inflate(file, deltaOffset + start, delta, inflater);
            current = (current.Type, Delta.Apply(current.Data, delta));
            if (i > 0)
            {
                store.RememberBase(this, deltaOffset, current);
            }
        }

        if (chain.Count > 0 && current.Type != ObjectType.Commit)
        {
            store.RememberBase(this, offset, current);
        }

        return current;
    }

    /// <summary>
    /// Inflates the start of the object at <paramref name="offset"/> into <paramref name="buffer"/> when it is stored whole
    /// (not as a delta, whose base would have to be rebuilt first): false for a delta, which the caller then reads whole.
    /// </summary>
    /// <remarks>Safe on several threads at once, each with its own inflater and buffer, once the pack is <see cref="Open"/>.</remarks>
    public bool TryReadStart(long offset, IInflater inflater, Span<byte> buffer, out ObjectType type, out int length, out bool whole)
    {
        var file = Mapped;
        var header = file.Span(offset, 32);
        var code = ReadTypeAndSize(header, out var size, out var used);
        if (code is < 1 or > 4)
        {
            (type, length, whole) = (ObjectType.None, 0, false);
            return false;
        }

        type = (ObjectType)code;
        whole = size <= buffer.Length;
        var wanted = whole ? (int)size : buffer.Length;
        var input = file.Span(offset + used, int.MaxValue);
        length = whole ? inflater.InflateWhole(input, buffer[..wanted]) : inflater.Inflate(input, buffer[..wanted]);
        if (length != wanted)
        {
            throw new InvalidDataException($"an object in {packPath} is shorter than its header says");
        }

        return true;
    }

    private static int ReadTypeAndSize(ReadOnlySpan<byte> header, out long size, out int used)
    {
        var c = header[0];
        var type = (c >> 4) & 7;
        size = c & 0x0F;
        var shift = 4;
        used = 1;
        while ((c & 0x80) != 0)
        {
            c = header[used++];
            size |= (long)(c & 0x7F) << shift;
            shift += 7;
            if (shift > 56)
            {
                throw new InvalidDataException("object size too large");
            }
        }

        return type;
    }

    private void Inflate(MappedFile file, long offset, byte[] output, IInflater inflater)
    {
        var written = inflater.InflateWhole(file.Span(offset, int.MaxValue), output);
        if (written != output.Length)
        {
            throw new InvalidDataException($"an object in {packPath} is shorter than its header says");
        }
    }

    /// <summary>The pack's memory map, made on first use; safe on several threads (one map wins, the others are closed).</summary>
    private MappedFile Mapped
    {
        get
        {
            if (Volatile.Read(ref pack) is { } mapped)
            {
                return mapped;
            }

            var opened = OpenPack();
            var winner = Interlocked.CompareExchange(ref pack, opened, null);
            if (winner is not null)
            {
                opened.Dispose();
                return winner;
            }

            return opened;
        }
    }

    private MappedFile OpenPack()
    {
        var file = MappedFile.Open(packPath);
        var header = file.Span(0, 12);
        if (header.Length < 12 || !header[..4].SequenceEqual("PACK"u8) || BinaryPrimitives.ReadUInt32BigEndian(header[4..]) is not (2 or 3))
        {
            file.Dispose();
            throw new NotSupportedException($"{packPath} is not a version 2 or 3 pack");
        }

        return file;
    }

    public void Dispose()
    {
        index.Dispose();
        pack?.Dispose();
    }

    private static class Delta
    {
        public static byte[] Apply(byte[] source, byte[] delta)
        {
            var position = 0;
            var sourceSize = ReadSize(delta, ref position);
            var resultSize = ReadSize(delta, ref position);
            if (sourceSize != source.Length || resultSize > MaxObjectSize)
            {
                throw new InvalidDataException("a delta does not fit its base");
            }

            var result = GC.AllocateUninitializedArray<byte>((int)resultSize); // every byte is written (checked at the end)
            var written = 0;
            while (position < delta.Length)
            {
                var command = delta[position++];
                if ((command & 0x80) != 0)
                {
                    long copyOffset = 0;
                    long copySize = 0;
                    for (var b = 0; b < 4; b++)
                    {
                        if ((command & (1 << b)) != 0)
                        {
                            copyOffset |= (long)delta[position++] << (8 * b);
                        }
                    }

                    for (var b = 0; b < 3; b++)
                    {
                        if ((command & (0x10 << b)) != 0)
                        {
                            copySize |= (long)delta[position++] << (8 * b);
                        }
                    }

                    if (copySize == 0)
                    {
                        copySize = 0x10000;
                    }

                    if (copyOffset + copySize > source.Length || written + copySize > result.Length)
                    {
                        throw new InvalidDataException("a delta copies outside its base");
                    }

                    Array.Copy(source, copyOffset, result, written, copySize);
                    written += (int)copySize;
                }
                else if (command != 0)
                {
                    if (position + command > delta.Length || written + command > result.Length)
                    {
                        throw new InvalidDataException("a delta inserts past its end");
                    }

                    Array.Copy(delta, position, result, written, command);
                    position += command;
                    written += command;
                }
                else
                {
                    throw new InvalidDataException("a delta has a reserved instruction");
                }
            }

            return written == result.Length ? result : throw new InvalidDataException("a delta is shorter than its result");
        }

        private static long ReadSize(byte[] delta, ref int position)
        {
            long size = 0;
            var shift = 0;
            byte c;
            do
            {
                c = delta[position++];
                size |= (long)(c & 0x7F) << shift;
                shift += 7;
            }
            while ((c & 0x80) != 0 && shift < 63);

            return size;
        }
    }
}
