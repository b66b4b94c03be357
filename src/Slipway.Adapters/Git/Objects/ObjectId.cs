using System.Buffers.Binary;
using System.Runtime.CompilerServices;

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
    public static bool TryParse(ReadOnlySpan<char> hex, out ObjectId id)
    {
        Span<byte> bytes = stackalloc byte[Size];
        if (hex.Length == Size * 2)
        {
            var bad = 0;
            for (var i = 0; i < Size; i++)
            {
                int high = Digit(hex[2 * i]), low = Digit(hex[(2 * i) + 1]);
                bad |= high | low;
                bytes[i] = (byte)((high << 4) | low);
            }

            if (bad >= 0)
            {
                id = FromBytes(bytes);
                return true;
            }
        }

        id = default;
        return false;
    }

    /// <summary>Parses 40 hex digits given as ASCII bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> hex, out ObjectId id)
    {
        Span<char> chars = stackalloc char[Size * 2];
        if (hex.Length != chars.Length)
        {
            id = default;
            return false;
        }

        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)hex[i];
        }

        return TryParse(chars, out id);
    }

    // A plain loop, not Convert's vectorised hex: Native AOT built for any x64 has no fast path for its shuffles, and tags
    // and parents are converted by the ten thousand.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digit(char c)
    {
        var digit = (uint)(c - '0');
        if (digit <= 9)
        {
            return (int)digit;
        }

        var letter = (uint)((c | 0x20) - 'a'); // either case
        return letter <= 5 ? (int)letter + 10 : -1;
    }

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
