using System.IO.MemoryMappedFiles;

namespace Slipway.Adapters.Git.Objects;

/// <summary>A read-only memory map of a whole file: the pages a reader touches are read, the rest never is.</summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* pointer;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, byte* pointer, long length)
    {
        this.map = map;
        this.view = view;
        this.pointer = pointer;
        Length = length;
    }

    public long Length { get; }

    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        var length = stream.Length;
        if (length == 0)
        {
            throw new InvalidDataException($"{path} is empty");
        }

        var map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        return new MappedFile(map, view, pointer + view.PointerOffset, length);
    }

    /// <summary>The bytes from <paramref name="offset"/>, at most <paramref name="maxLength"/> of them (fewer at the end of the file).</summary>
    public ReadOnlySpan<byte> Span(long offset, int maxLength)
    {
        if (offset < 0 || offset > Length)
        {
            throw new InvalidDataException("offset outside the file");
        }

        return new ReadOnlySpan<byte>(pointer + offset, (int)Math.Min(maxLength, Length - offset));
    }

    public void Dispose()
    {
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        map.Dispose();
    }
}
