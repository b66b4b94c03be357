using System.Text;

namespace Slipway.Adapters.Git.Objects;

/// <summary>The tags of a repository as its ref files hold them: packed-refs, overridden by loose files under refs/tags/.</summary>
internal static class TagFiles
{
    private const string Tags = "refs/tags/";

    /// <summary>
    /// Every tag whose name (without refs/tags/) starts with <paramref name="prefix"/>: the name, the object it names, and the
    /// object it peels to when packed-refs says so. A loose ref overrides the packed one of the same name, as in git. Other
    /// tags are skipped before anything is made of them (a build-* tag for every few commits is common).
    /// </summary>
    public static List<(string Name, ObjectId Object, ObjectId? Peeled)> Read(string commonDirectory, bool honourReplaceRefs, string prefix = "")
    {
        var loose = new Dictionary<string, ObjectId>(StringComparer.Ordinal);
        var looseDirectory = Path.Combine(commonDirectory, "refs", "tags");
        if (Directory.Exists(looseDirectory))
        {
            foreach (var path in Directory.EnumerateFiles(looseDirectory, "*", SearchOption.AllDirectories))
            {
                if (path.EndsWith(".lock", StringComparison.Ordinal))
                {
                    continue;
                }

                var content = File.ReadAllBytes(path).AsSpan().TrimEnd("\r\n "u8);
                if (!ObjectId.TryParse(content, out var id))
                {
                    // A symbolic ref ("ref: ...") or a half-written file: git knows what to make of it.
                    throw new NotSupportedException($"the ref file {path} does not hold an object name");
                }

                var looseName = Path.GetRelativePath(looseDirectory, path).Replace(Path.DirectorySeparatorChar, '/');
                if (looseName.StartsWith(prefix, StringComparison.Ordinal))
                {
                    loose[looseName] = id;
                }
            }
        }

        var tags = new List<(string Name, ObjectId Object, ObjectId? Peeled)>();
        var packed = Path.Combine(commonDirectory, "packed-refs");
        if (File.Exists(packed) && new FileInfo(packed).Length is > 0 and var length)
        {
            // A packed tag takes 60-110 bytes (with its "^" line): sized once, not grown by copying ten thousand entries.
            tags.Capacity = (int)Math.Min(length / 60, 1 << 20) + loose.Count;
            // Mapped, not read into a new array: ten thousand tags make a megabyte that would be fresh memory to fault in.
            using var map = MappedFile.Open(packed);
            ReadPacked(map.Span(0, (int)Math.Min(map.Length, int.MaxValue)), tags, loose, honourReplaceRefs, Encoding.UTF8.GetBytes(prefix));
        }

        foreach (var (name, id) in loose)
        {
            tags.Add((name, id, null));
        }

        return tags;
    }

    private static void ReadPacked(ReadOnlySpan<byte> file, List<(string Name, ObjectId Object, ObjectId? Peeled)> tags,
        Dictionary<string, ObjectId> loose, bool honourReplaceRefs, ReadOnlySpan<byte> prefix)
    {
        // "# pack-refs with: peeled fully-peeled sorted": with fully-peeled, a ref with no "^" line after it is not an annotated tag.
        var fullyPeeled = false;
        var last = -1; // the tag a "^" line peels: the entry just added
        while (file.Length > 0)
        {
            var end = file.IndexOf((byte)'\n');
            var line = end < 0 ? file : file[..end];
            file = end < 0 ? [] : file[(end + 1)..];
            line = line.TrimEnd((byte)'\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == (byte)'#')
            {
                fullyPeeled |= line.IndexOf(" fully-peeled"u8) >= 0;
                continue;
            }

            if (line[0] == (byte)'^')
            {
                if (last >= 0 && ObjectId.TryParse(line[1..], out var peeled))
                {
                    tags[last] = tags[last] with { Peeled = peeled };
                }

                continue;
            }

            last = -1;
            if (line.Length < 42 || line[40] != (byte)' ')
            {
                throw new InvalidDataException("a malformed line in packed-refs");
            }

            var refName = line[41..];
            if (!refName.StartsWith("refs/tags/"u8))
            {
                if (honourReplaceRefs && refName.StartsWith("refs/replace/"u8))
                {
                    throw new NotSupportedException("the repository has replace refs");
                }

                continue;
            }

            if (!refName[Tags.Length..].StartsWith(prefix))
            {
                continue; // not a tag asked for: its "^" line, if any, peels nothing (last is -1)
            }

            var name = Encoding.UTF8.GetString(refName[Tags.Length..]);
            if (loose.ContainsKey(name))
            {
                continue; // the loose ref is newer
            }

            var id = ObjectId.TryParse(line[..40], out var named) ? named : throw new InvalidDataException("a malformed line in packed-refs");
            tags.Add((name, id, fullyPeeled ? id : null));
            last = tags.Count - 1;
        }
    }
}
