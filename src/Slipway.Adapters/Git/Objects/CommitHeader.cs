namespace Slipway.Adapters.Git.Objects;

/// <summary>What a walk needs of a commit object: its parents and its committer time (gitformat-commit headers).</summary>
internal static class CommitHeader
{
    public static (ObjectId[] Parents, long CommitterTime) Parse(ReadOnlySpan<byte> commit)
    {
        _ = TryParse(commit, whole: true, out var parents, out var time);
        return (parents, time);
    }

    /// <summary>
    /// Parses the parents and committer time from the start of a commit. False when <paramref name="start"/> is only part of the
    /// commit (<paramref name="whole"/> false) and ends before the committer line does: the caller then reads the whole commit.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> start, bool whole, out ObjectId[] parents, out long committerTime)
    {
        var found = new List<ObjectId>(2);
        committerTime = 0;
        var commit = start;
        while (commit.Length > 0)
        {
            var end = commit.IndexOf((byte)'\n');
            if (end < 0 && !whole)
            {
                parents = [];
                return false;
            }

            var line = end < 0 ? commit : commit[..end];
            if (line.Length == 0)
            {
                break; // the blank line before the message
            }

            if (line.StartsWith("parent "u8))
            {
                found.Add(ObjectId.TryParse(line["parent ".Length..], out var parent)
                    ? parent
                    : throw new InvalidDataException("a commit with a malformed parent line"));
            }
            else if (line.StartsWith("committer "u8))
            {
                committerTime = ParseTime(line);
                break; // parents come before it (gitformat-commit): nothing after it is needed
            }

            commit = end < 0 ? [] : commit[(end + 1)..];
        }

        parents = [.. found];
        return true;
    }

    /// <summary>The object a tag object points at and that object's type.</summary>
    public static (ObjectId Target, ObjectType Type) ParseTag(ReadOnlySpan<byte> tag)
    {
        ObjectId? target = null;
        var type = ObjectType.None;
        while (tag.Length > 0)
        {
            var end = tag.IndexOf((byte)'\n');
            var line = end < 0 ? tag : tag[..end];
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("object "u8) && ObjectId.TryParse(line["object ".Length..], out var id))
            {
                target = id;
            }
            else if (line.StartsWith("type "u8))
            {
                type = line["type ".Length..] switch
                {
                    var t when t.SequenceEqual("commit"u8) => ObjectType.Commit,
                    var t when t.SequenceEqual("tag"u8) => ObjectType.Tag,
                    var t when t.SequenceEqual("tree"u8) => ObjectType.Tree,
                    var t when t.SequenceEqual("blob"u8) => ObjectType.Blob,
                    _ => ObjectType.None,
                };
            }

            tag = end < 0 ? [] : tag[(end + 1)..];
        }

        return target is { } found && type != ObjectType.None ? (found, type) : throw new InvalidDataException("a malformed tag object");
    }

    // "committer Name <email> 1700000000 +0000": the time is the second field from the end.
    private static long ParseTime(ReadOnlySpan<byte> line)
    {
        var close = line.LastIndexOf((byte)'>');
        var rest = line[(close + 1)..].Trim((byte)' ');
        var space = rest.IndexOf((byte)' ');
        var digits = space < 0 ? rest : rest[..space];
        long time = 0;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9')
            {
                return 0; // git treats an unparsable date as 0 too
            }

            time = (time * 10) + (d - '0');
        }

        return time;
    }
}
