using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Slipway.Adapters.Git.Objects;

/// <summary>A version-2 pack index (gitformat-pack): a fan-out table, the sorted object names, and their offsets in the pack.</summary>
internal sealed class PackIndex : IDisposable
{
    private const int HeaderSize = 8;
    private const int FanoutSize = 256 * 4;
    private readonly MappedFile file;
    private readonly int count;

    public PackIndex(string path)
    {
        file = MappedFile.Open(path);
        try
        {
            var header = file.Span(0, HeaderSize + FanoutSize);
            if (header.Length < HeaderSize + FanoutSize || BinaryPrimitives.ReadUInt32BigEndian(header) != 0xFF744F63
                || BinaryPrimitives.ReadUInt32BigEndian(header[4..]) != 2)
            {
                throw new NotSupportedException($"{path} is not a version-2 pack index");
            }

            count = checked((int)BinaryPrimitives.ReadUInt32BigEndian(header[(HeaderSize + FanoutSize - 4)..]));
            if (file.Length < HeaderSize + FanoutSize + (long)count * 28 + 40)
            {
                throw new InvalidDataException($"{path} is truncated");
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The object's offset in the pack, or -1 when this pack does not hold it.</summary>
    public long Find(ObjectId id)
    {
        var first = id.FirstByte;
        var fanout = file.Span(HeaderSize, FanoutSize);
        var low = first == 0 ? 0 : (int)BinaryPrimitives.ReadUInt32BigEndian(fanout[((first - 1) * 4)..]);
        var high = (int)BinaryPrimitives.ReadUInt32BigEndian(fanout[(first * 4)..]) - 1;
        var names = HeaderSize + FanoutSize;
        while (low <= high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            var c = id.CompareTo(file.Span(names + (long)middle * ObjectId.Size, ObjectId.Size));
            if (c == 0)
            {
                return Offset(middle);
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

    /// <summary>The number of objects in the pack.</summary>
    public int Count => count;

    /// <summary>
    /// The offsets of the objects that lie in [<paramref name="low"/>, <paramref name="high"/>) of the pack, sorted: two passes
    /// over the offset table (which is in name order: one to count, one to copy), then a radix sort. Gives up (null) as soon
    /// as <paramref name="stop"/> says so.
    /// </summary>
    public long[]? OffsetsBetween(long low, long high, Func<bool> stop)
    {
        var table = MemoryMarshal.Cast<byte, uint>(file.Span(HeaderSize + FanoutSize + ((long)count * (ObjectId.Size + 4)), count * 4));
        var found = 0;
        for (var i = 0; i < table.Length; i++)
        {
            if ((i & 0xFFFF) == 0 && stop())
            {
                return null;
            }

            var offset = OffsetOf(i, table[i]);
            found += offset >= low && offset < high ? 1 : 0;
        }

        var offsets = new long[found];
        for (int i = 0, n = 0; i < table.Length; i++)
        {
            if ((i & 0xFFFF) == 0 && stop())
            {
                return null;
            }

            var offset = OffsetOf(i, table[i]);
            if (offset >= low && offset < high)
            {
                offsets[n++] = offset;
            }
        }

        RadixSort(offsets);
        return offsets;
    }

    private long OffsetOf(int index, uint raw)
    {
        var value = BinaryPrimitives.ReverseEndianness(raw);
        return (value & 0x8000_0000) == 0 ? value : Offset(index);
    }

    /// <summary>Sorts non-negative values, a byte a pass, as many passes as the largest value needs.</summary>
    private static void RadixSort(long[] values)
    {
        long max = 0;
        foreach (var v in values)
        {
            max |= v;
        }

        var from = values;
        var to = new long[values.Length];
        Span<int> counts = stackalloc int[256];
        for (var shift = 0; shift < 64 && (max >> shift) != 0; shift += 8)
        {
            counts.Clear();
            foreach (var v in from)
            {
                counts[(int)((v >> shift) & 0xFF)]++;
            }

            for (int i = 0, sum = 0; i < counts.Length; i++)
            {
                (counts[i], sum) = (sum, sum + counts[i]);
            }

            foreach (var v in from)
            {
                to[counts[(int)((v >> shift) & 0xFF)]++] = v;
            }

            (from, to) = (to, from);
        }

        if (!ReferenceEquals(from, values))
        {
            from.CopyTo(values, 0);
        }
    }

    private long Offset(int index)
    {
        var offsets = HeaderSize + FanoutSize + (long)count * (ObjectId.Size + 4);
        var value = BinaryPrimitives.ReadUInt32BigEndian(file.Span(offsets + (long)index * 4, 4));
        if ((value & 0x8000_0000) == 0)
        {
            return value;
        }

        // Packs over 2 GiB: the offset is an index into the table of 64-bit offsets that follows.
        var large = offsets + (long)count * 4 + (long)(value & 0x7FFF_FFFF) * 8;
        return checked((long)BinaryPrimitives.ReadUInt64BigEndian(file.Span(large, 8)));
    }

    public void Dispose() => file.Dispose();
}
