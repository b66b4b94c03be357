using System.Runtime.InteropServices;

namespace Slipway.Adapters.Git.Objects;

/// <summary>
/// The system's zlib (libz.so.1, the library git itself inflates with), called through its stable C API with one stream that is
/// reset between objects: no allocation per object, and zlib's own table building and decoding, several times faster than the
/// managed <see cref="Inflater"/> on the few hundred bytes of a commit. <see cref="TryOpen"/> gives null where there is no
/// such library (Windows) or it cannot be loaded; the caller then uses <see cref="Inflater"/>. Not thread-safe: one per reader.
/// </summary>
internal sealed unsafe class SystemZlib : IInflater, IDisposable
{
    private const int ZOk = 0;
    private const int ZStreamEnd = 1;
    private const int ZBufError = -5;
    private const int ZNoFlush = 0;
    private const int WindowBits = 15; // a zlib header and trailer, a 32 KiB window: what git writes
    private const int FastPathRoom = 320;

    private readonly delegate* unmanaged<ZStream*, int, int> inflate;
    private readonly delegate* unmanaged<ZStream*, int> inflateReset;
    private readonly delegate* unmanaged<ZStream*, int> inflateEnd;
    private readonly ZStream* stream;
    private byte[] spare = new byte[4096];
    private bool disposed;

    private SystemZlib(delegate* unmanaged<ZStream*, int, int> inflate, delegate* unmanaged<ZStream*, int> inflateReset,
        delegate* unmanaged<ZStream*, int> inflateEnd, ZStream* stream)
    {
        this.inflate = inflate;
        this.inflateReset = inflateReset;
        this.inflateEnd = inflateEnd;
        this.stream = stream;
    }

    /// <summary>The system's zlib, or null when it cannot be loaded (then the managed <see cref="Inflater"/> does the work).</summary>
    public static SystemZlib? TryOpen()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        string[] names = OperatingSystem.IsMacOS() ? ["libz.1.dylib", "libz.dylib"] : ["libz.so.1", "libz.so"];
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out var library))
            {
                return TryOpen(library);
            }
        }

        return null;
    }

    private static SystemZlib? TryOpen(nint library)
    {
        if (!NativeLibrary.TryGetExport(library, "zlibVersion", out var version)
            || !NativeLibrary.TryGetExport(library, "inflateInit2_", out var init)
            || !NativeLibrary.TryGetExport(library, "inflate", out var inflate)
            || !NativeLibrary.TryGetExport(library, "inflateReset", out var reset)
            || !NativeLibrary.TryGetExport(library, "inflateEnd", out var end))
        {
            return null;
        }

        // inflateInit2_ checks that the caller was built for this major version and this z_stream size.
        var versionText = ((delegate* unmanaged<byte*>)version)();
        if (versionText is null || versionText[0] != (byte)'1')
        {
            return null;
        }

        var stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        if (((delegate* unmanaged<ZStream*, int, byte*, int, int>)init)(stream, WindowBits, versionText, sizeof(ZStream)) != ZOk)
        {
            NativeMemory.Free(stream);
            return null;
        }

        return new SystemZlib((delegate* unmanaged<ZStream*, int, int>)inflate, (delegate* unmanaged<ZStream*, int>)reset,
            (delegate* unmanaged<ZStream*, int>)end, stream);
    }

    public int Inflate(ReadOnlySpan<byte> zlib, Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (inflateReset(stream) != ZOk)
        {
            throw new InvalidDataException("zlib could not reset its stream");
        }

        // zlib decodes fast only while 258 bytes of output room are left (inflate_fast); below that, byte by byte. A commit is a
        // few hundred bytes, so most of it would go the slow way: decode into a buffer with room to spare, then copy.
        var room = output.Length + FastPathRoom;
        if (spare.Length < room)
        {
            spare = new byte[Math.Max(room, spare.Length * 2)];
        }

        fixed (byte* input = zlib)
        fixed (byte* target = spare)
        {
            stream->NextIn = input;
            stream->AvailIn = (uint)Math.Min(zlib.Length, int.MaxValue);
            stream->NextOut = target;
            stream->AvailOut = (uint)room;
            var result = inflate(stream, ZNoFlush);
            var written = room - (int)stream->AvailOut;
            stream->NextIn = null;
            stream->NextOut = null;
            if (result is not (ZStreamEnd or ZOk or ZBufError) || (result != ZStreamEnd && written < output.Length))
            {
                throw new InvalidDataException(stream->Message is null
                    ? $"not a valid zlib stream (zlib error {result})"
                    : $"not a valid zlib stream ({Marshal.PtrToStringUTF8((nint)stream->Message)})");
            }

            // Full (the caller asked for no more) or the stream's end.
            var length = Math.Min(written, output.Length);
            spare.AsSpan(0, length).CopyTo(output);
            return length;
        }
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            _ = inflateEnd(stream);
            NativeMemory.Free(stream);
        }
    }

    /// <summary>zlib's z_stream: unsigned long is 64 bits on LP64 Unix and 32 on Windows, as <see cref="CULong"/> is.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public CULong TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public CULong TotalOut;
        public byte* Message;
        public nint State;
        public nint Alloc;
        public nint Free;
        public nint Opaque;
        public int DataType;
        public CULong Adler;
        public CULong Reserved;
    }
}
