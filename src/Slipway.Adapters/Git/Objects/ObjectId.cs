using System.Buffers.Binary;
using System.Numerics;

namespace Slipway.Adapters.Git.Objects;

/// <summary>A SHA-1 object name: 20 bytes held as three integers, so that it hashes and compares without allocating.</summary>
internal readonly record struct ObjectId(ulong High, ulong Middle, uint Low)
{
    public const int Size = 20;

    public static ObjectId FromBytes(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64BigEndian(bytes),
        BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));

    /// <summary>Parses 40 hex digits (either case); anything else is not an object name.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out ObjectId id) => TryParseDigits(hex, out id);

    /// <summary>Parses 40 hex digits given as ASCII bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> hex, out ObjectId id) => TryParseDigits(hex, out id);

    // One body for chars and bytes (compiled for each): the first 16 digits, the next 16 and the last 8 make the three integers.
    private static bool TryParseDigits<T>(ReadOnlySpan<T> hex, out ObjectId id)
        where T : unmanaged, IBinaryInteger<T>
    {
        id = default;
        if (hex.Length != Size * 2)
        {
            return false;
        }

        ulong high = 0, middle = 0, low = 0;
        var bad = 0;
        for (var i = 0; i < 16; i++)
        {
            int h = Digit(hex[i]), m = Digit(hex[i + 16]);
            bad |= h | m;
            high = (high << 4) | (uint)h;
            middle = (middle << 4) | (uint)m;
        }

        for (var i = 32; i < 40; i++)
        {
            var l = Digit(hex[i]);
            bad |= l;
            low = (low << 4) | (uint)l;
        }

        if (bad > 15)
        {
            return false;
        }

        id = new ObjectId(high, middle, (uint)low);
        return true;
    }

    private static int Digit<T>(T c)
        where T : unmanaged, IBinaryInteger<T>
    {
        var code = uint.CreateTruncating(c);
        return code < 256 ? Digits[(int)code] : 255;
    }

    // The value of each hex digit (either case), 255 for any other byte: a table, not Convert's vectorised hex (Native AOT
    // built for any x64 has no fast path for its shuffles) nor a branch per digit; tags and parents come by the ten thousand.
    private static ReadOnlySpan<byte> Digits => [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 255, 255, 255, 255, 255, 255, 255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 10, 11, 12, 13, 14, 15, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255];

    public static ObjectId Parse(string hex) =>
        TryParse(hex.AsSpan(), out var id) ? id : throw new FormatException($"'{hex}' is not a 40-digit object name");

    public void WriteTo(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Middle);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[16..], Low);
    }

    /// <summary>Compares with 20 raw bytes as memcmp would (the order of a pack index).</summary>
    public int CompareTo(ReadOnlySpan<byte> bytes)
    {
        var c = High.CompareTo(BinaryPrimitives.ReadUInt64BigEndian(bytes));
        if (c != 0)
        {
            return c;
        }

        c = Middle.CompareTo(BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        return c != 0 ? c : Low.CompareTo(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));
    }

    public byte FirstByte => (byte)(High >> 56);

    public override int GetHashCode() => (int)(High >> 32) ^ (int)Low;

    public override string ToString() => string.Create(Size * 2, this, static (chars, id) =>
    {
        Span<byte> bytes = stackalloc byte[Size];
        id.WriteTo(bytes);
        for (var i = 0; i < Size; i++)
        {
            chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
            chars[(2 * i) + 1] = "0123456789abcdef"[bytes[i] & 15];
        }
    });
}
