using System.IO.Compression;
using System.Text;
using Slipway.Adapters.Git.Objects;

namespace Slipway.Tests.Git;

/// <summary>
/// The zlib decoders behind the object reader (libdeflate for whole objects where the system has it, the system's zlib, and
/// the managed one used where neither loads), against .NET's own zlib on every kind of block.
/// </summary>
public sealed class InflaterTests
{
    public enum Kind
    {
        Managed,
        System,
        LibDeflate,
    }

    public static TheoryData<Kind> Kinds => new(Kind.Managed, Kind.System, Kind.LibDeflate);

    // No empty input: .NET writes no bytes at all for it, while git always stores a complete zlib stream.
    public static TheoryData<Kind, int, CompressionLevel, string> Inputs()
    {
        var data = new TheoryData<Kind, int, CompressionLevel, string>();
        foreach (var inflater in new[] { Kind.Managed, Kind.System, Kind.LibDeflate })
        {
            foreach (var size in new[] { 1, 7, 300, 4_000, 70_000, 400_000 })
            {
                foreach (var level in new[] { CompressionLevel.NoCompression, CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize })
                {
                    foreach (var kind in new[] { "text", "random", "runs" })
                    {
                        data.Add(inflater, size, level, kind);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Decodes_what_zlib_encodes(Kind inflater, int size, CompressionLevel level, string kind)
    {
        var original = Make(size, kind);
        var compressed = Compress(original, level);
        var output = new byte[original.Length];
        var whole = new byte[original.Length];

        var written = Create(inflater).Inflate(compressed, output);
        var wholeWritten = Create(inflater).InflateWhole(compressed, whole);

        Assert.Equal(original.Length, written);
        Assert.True(original.AsSpan().SequenceEqual(output), "decoded bytes differ");
        Assert.Equal(original.Length, wholeWritten);
        Assert.True(original.AsSpan().SequenceEqual(whole), "decoded bytes differ (whole)");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void One_inflater_decodes_many_streams_in_a_row_and_stops_when_the_output_is_full(Kind kind)
    {
        var inflater = Create(kind);
        for (var i = 0; i < 200; i++)
        {
            var original = Make(50 + (i * 37), i % 2 == 0 ? "text" : "random");
            var output = new byte[original.Length];
            var compressed = Compress(original, CompressionLevel.Optimal);
            Assert.Equal(original.Length, i % 3 == 0 ? inflater.Inflate(compressed, output) : inflater.InflateWhole(compressed, output));
            Assert.True(original.AsSpan().SequenceEqual(output));
        }

        var head = new byte[10];
        Assert.Equal(10, inflater.Inflate(Compress(Make(5_000, "text"), CompressionLevel.Optimal), head));
        var text = Make(5_000, "text");
        Assert.True(text.AsSpan(0, 10).SequenceEqual(head));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Damaged_or_truncated_data_is_an_invalid_data_error_not_a_crash(Kind kind)
    {
        var compressed = Compress(Make(20_000, "text"), CompressionLevel.Optimal);
        var output = new byte[20_000];
        Assert.Throws<InvalidDataException>(() => Create(kind).Inflate(compressed.AsSpan(0, compressed.Length / 2), output));
        Assert.Throws<InvalidDataException>(() => Create(kind).InflateWhole(compressed.AsSpan(0, compressed.Length / 2), output));
        Assert.Throws<InvalidDataException>(() => Create(kind).Inflate([0x12, 0x34, 0x56], output));
        Assert.Throws<InvalidDataException>(() => Create(kind).InflateWhole([0x12, 0x34, 0x56], output));
        if (kind == Kind.LibDeflate)
        {
            // A stream longer than its object's header said: zlib stops when the output is full, libdeflate says so.
            Assert.Throws<InvalidDataException>(() => Create(kind).InflateWhole(compressed, new byte[19_999]));
        }

        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var damaged = (byte[])compressed.Clone();
            damaged[2 + random.Next(damaged.Length - 2)] ^= (byte)(1 << random.Next(8));
            try
            {
                if (i % 2 == 0)
                {
                    Create(kind).Inflate(damaged, output);
                }
                else
                {
                    Create(kind).InflateWhole(damaged, output);
                }
            }
            catch (InvalidDataException)
            {
                // expected for most flips; any other exception type fails the test
            }
        }
    }

    [Fact]
    public void The_system_zlib_loads_on_linux()
    {
        // The fast path must really be taken where the tool ships as Native AOT; elsewhere the managed inflater is enough.
        if (OperatingSystem.IsLinux())
        {
            using var zlib = SystemZlib.TryOpen();
            Assert.NotNull(zlib);
        }
    }

    [Fact]
    public void Libdeflate_loads_where_the_system_has_it()
    {
        // test.sh installs libdeflate0; the reader takes it when it is there and falls back to zlib otherwise.
        if (OperatingSystem.IsLinux())
        {
            using var libdeflate = LibDeflate.TryOpen(new Inflater());
            Assert.NotNull(libdeflate);
        }
    }

    private static IInflater Create(Kind kind) => kind switch
    {
        Kind.System => SystemZlib.TryOpen() ?? throw new InvalidOperationException("libz.so.1 is not on this machine"),
        Kind.LibDeflate => LibDeflate.TryOpen(SystemZlib.TryOpen() ?? throw new InvalidOperationException("libz.so.1 is not on this machine"))
            ?? throw new InvalidOperationException("libdeflate.so.0 is not on this machine (apt-get install libdeflate0)"),
        _ => new Inflater(),
    };

    private static byte[] Make(int size, string kind)
    {
        var random = new Random(size * 31 + kind.Length);
        var bytes = new byte[size];
        switch (kind)
        {
            case "random":
                random.NextBytes(bytes);
                break;
            case "runs":
                for (var i = 0; i < size; i++)
                {
                    bytes[i] = (byte)(i / 1000 % 3 == 0 ? 'a' : random.Next(4));
                }

                break;
            default:
                var words = "tree parent author committer feat fix chore release version tag commit message body footer".Split(' ');
                var text = new StringBuilder();
                while (text.Length < size)
                {
                    text.Append(words[random.Next(words.Length)]).Append(random.Next(10) == 0 ? '\n' : ' ');
                }

                Encoding.ASCII.GetBytes(text.ToString(0, size), bytes);
                break;
        }

        return bytes;
    }

    private static byte[] Compress(byte[] data, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, level))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
