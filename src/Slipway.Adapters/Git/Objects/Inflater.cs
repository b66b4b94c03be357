namespace Slipway.Adapters.Git.Objects;

/// <summary>
/// A zlib (RFC 1950/1951) decoder for the small objects of a git repository, in managed code: the fallback where the
/// system's zlib cannot be loaded (<see cref="SystemZlib"/>). .NET's ZLibStream costs ~5 µs to set up per object, more than
/// reading a commit should; this one reuses its tables and decodes straight into the output span. Not thread-safe: one per reader.
/// </summary>
internal sealed class Inflater : IInflater
{
    private const int MaxBits = 15;
    private const int FastBits = 9;

    private static readonly ushort[] LengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    private static readonly byte[] LengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    private static readonly ushort[] DistanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    private static readonly byte[] DistanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    private static readonly byte[] CodeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

    private static readonly Huffman FixedLiterals = FixedTable(288, i => i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8);
    private static readonly Huffman FixedDistances = FixedTable(30, _ => 5);

    private readonly Huffman literals = new(288);
    private readonly Huffman distances = new(30);
    private readonly Huffman codeLengths = new(19);
    private readonly byte[] lengths = new byte[288 + 32];

    /// <summary>Decodes a zlib stream into <paramref name="output"/> until it is full or the stream ends; returns the bytes written.</summary>
    /// <exception cref="InvalidDataException">The data is not a valid zlib stream.</exception>
    public int Inflate(ReadOnlySpan<byte> zlib, Span<byte> output)
    {
        if (zlib.Length < 2 || (zlib[0] & 0x0F) != 8 || ((zlib[0] << 8) | zlib[1]) % 31 != 0 || (zlib[1] & 0x20) != 0)
        {
            throw new InvalidDataException("not a zlib stream");
        }

        var reader = new BitReader(zlib[2..]);
        var written = 0;
        bool last;
        do
        {
            last = reader.Bits(1) == 1;
            switch (reader.Bits(2))
            {
                case 0:
                    written = Stored(ref reader, output, written);
                    break;
                case 1:
                    written = Codes(ref reader, output, written, FixedLiterals, FixedDistances);
                    break;
                case 2:
                    ReadDynamicTables(ref reader);
                    written = Codes(ref reader, output, written, literals, distances);
                    break;
                default:
                    throw new InvalidDataException("invalid deflate block type");
            }
        }
        while (!last && written < output.Length);

        return written;
    }

    private static int Stored(ref BitReader reader, Span<byte> output, int written)
    {
        reader.AlignToByte();
        var length = reader.Bits(16);
        if ((length ^ 0xFFFF) != reader.Bits(16))
        {
            throw new InvalidDataException("stored block length does not match its complement");
        }

        for (var i = 0; i < length && written < output.Length; i++)
        {
            output[written++] = (byte)reader.Bits(8);
        }

        return written;
    }

    private static int Codes(ref BitReader reader, Span<byte> output, int written, Huffman literalCodes, Huffman distanceCodes)
    {
        while (written < output.Length)
        {
            var symbol = literalCodes.Decode(ref reader);
            if (symbol < 256)
            {
                output[written++] = (byte)symbol;
                continue;
            }

            if (symbol == 256)
            {
                return written;
            }

            symbol -= 257;
            if (symbol >= LengthBase.Length)
            {
                throw new InvalidDataException("invalid length code");
            }

            var length = LengthBase[symbol] + reader.Bits(LengthExtra[symbol]);
            var distanceSymbol = distanceCodes.Decode(ref reader);
            if (distanceSymbol >= DistanceBase.Length)
            {
                throw new InvalidDataException("invalid distance code");
            }

            var distance = DistanceBase[distanceSymbol] + reader.Bits(DistanceExtra[distanceSymbol]);
            if (distance > written)
            {
                throw new InvalidDataException("distance too far back");
            }

            var end = Math.Min(written + length, output.Length);
            while (written < end)
            {
                output[written] = output[written - distance];
                written++;
            }
        }

        return written;
    }

    private void ReadDynamicTables(ref BitReader reader)
    {
        var literalCount = reader.Bits(5) + 257;
        var distanceCount = reader.Bits(5) + 1;
        var codeCount = reader.Bits(4) + 4;
        if (literalCount > 286 || distanceCount > 30)
        {
            throw new InvalidDataException("too many length or distance codes");
        }

        Span<byte> codeLengthLengths = stackalloc byte[19];
        for (var i = 0; i < codeCount; i++)
        {
            codeLengthLengths[CodeLengthOrder[i]] = (byte)reader.Bits(3);
        }

        codeLengths.Build(codeLengthLengths);
        var total = literalCount + distanceCount;
        var index = 0;
        while (index < total)
        {
            var symbol = codeLengths.Decode(ref reader);
            if (symbol < 16)
            {
                lengths[index++] = (byte)symbol;
                continue;
            }

            byte value = 0;
            int repeat;
            if (symbol == 16)
            {
                if (index == 0)
                {
                    throw new InvalidDataException("repeat with no previous length");
                }

                value = lengths[index - 1];
                repeat = 3 + reader.Bits(2);
            }
            else
            {
                repeat = symbol == 17 ? 3 + reader.Bits(3) : 11 + reader.Bits(7);
            }

            if (index + repeat > total)
            {
                throw new InvalidDataException("too many code lengths");
            }

            lengths.AsSpan(index, repeat).Fill(value);
            index += repeat;
        }

        if (lengths[256] == 0)
        {
            throw new InvalidDataException("no end-of-block code");
        }

        literals.Build(lengths.AsSpan(0, literalCount));
        distances.Build(lengths.AsSpan(literalCount, distanceCount));
    }

    private static Huffman FixedTable(int count, Func<int, int> length)
    {
        var table = new Huffman(count);
        var lengths = new byte[count];
        for (var i = 0; i < count; i++)
        {
            lengths[i] = (byte)length(i);
        }

        table.Build(lengths);
        return table;
    }

    /// <summary>A canonical Huffman code: a lookup table for codes of up to 9 bits, the canonical walk for longer ones.</summary>
    private sealed class Huffman(int symbols)
    {
        private readonly short[] count = new short[MaxBits + 1];
        private readonly short[] symbol = new short[symbols];
        private readonly ushort[] fast = new ushort[1 << FastBits];

        public void Build(ReadOnlySpan<byte> lengths)
        {
            Array.Clear(count);
            Array.Clear(fast);
            foreach (var length in lengths)
            {
                count[length]++;
            }

            count[0] = 0;
            Span<short> offsets = stackalloc short[MaxBits + 2];
            var left = 1;
            for (var length = 1; length <= MaxBits; length++)
            {
                left = (left << 1) - count[length];
                if (left < 0)
                {
                    throw new InvalidDataException("over-subscribed Huffman code");
                }

                offsets[length + 1] = (short)(offsets[length] + count[length]);
            }

            Span<int> nextCode = stackalloc int[MaxBits + 2];
            var code = 0;
            for (var length = 1; length <= MaxBits; length++)
            {
                code = (code + count[length - 1]) << 1;
                nextCode[length] = code;
            }

            for (var s = 0; s < lengths.Length; s++)
            {
                var length = lengths[s];
                if (length == 0)
                {
                    continue;
                }

                symbol[offsets[length]++] = (short)s;
                var canonical = nextCode[length]++;
                if (length > FastBits)
                {
                    continue;
                }

                // The stream holds the code most significant bit first, read least significant first: index by the reversed code.
                var reversed = 0;
                for (var b = 0; b < length; b++)
                {
                    reversed |= ((canonical >> b) & 1) << (length - 1 - b);
                }

                for (var i = reversed; i < fast.Length; i += 1 << length)
                {
                    fast[i] = (ushort)((s << 4) | length);
                }
            }
        }

        public int Decode(ref BitReader reader)
        {
            reader.Fill();
            var entry = fast[reader.Peek(FastBits)];
            if (entry != 0)
            {
                reader.Drop(entry & 15);
                return entry >> 4;
            }

            int code = 0, first = 0, index = 0;
            for (var length = 1; length <= MaxBits; length++)
            {
                code |= reader.Bits(1);
                int n = count[length];
                if (code - n < first)
                {
                    return symbol[index + (code - first)];
                }

                index += n;
                first = (first + n) << 1;
                code <<= 1;
            }

            throw new InvalidDataException("invalid Huffman code");
        }
    }

    /// <summary>Bits least significant first, as deflate packs them; reading past the end yields zeros, then fails.</summary>
    private ref struct BitReader(ReadOnlySpan<byte> input)
    {
        private readonly ReadOnlySpan<byte> input = input;
        private int position;
        private ulong buffer;
        private int available;

        public void Fill()
        {
            while (available <= 56)
            {
                if (position < input.Length)
                {
                    buffer |= (ulong)input[position] << available;
                }
                else if (position > input.Length + 8)
                {
                    throw new InvalidDataException("the compressed data ends early");
                }

                position++;
                available += 8;
            }
        }

        public readonly int Peek(int bits) => (int)(buffer & ((1UL << bits) - 1));

        public void Drop(int bits)
        {
            buffer >>= bits;
            available -= bits;
        }

        public int Bits(int bits)
        {
            if (available < bits)
            {
                Fill();
            }

            var value = Peek(bits);
            Drop(bits);
            return value;
        }

        public void AlignToByte() => Drop(available & 7);
    }
}
