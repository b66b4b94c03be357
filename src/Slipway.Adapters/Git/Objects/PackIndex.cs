using System.Buffers.Binary;

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
