using System.Text;

namespace Slipway.Adapters.Git.Objects;

/// <summary>
/// Which of some folders a commit changed, from the trees alone: a folder changed when the id of its tree entry differs
/// between the commit and its parent (git's tree ids are their contents' hashes). The trees are compared from the root down
/// along the folders' paths only, and only where the ids differ, so no file list is built and nothing below the folders is
/// read: the same answer as a file under the folder in `git log --no-merges --no-renames --name-only`, for less work.
/// </summary>
internal sealed class FolderChanges
{
    private readonly ObjectStore store;
    private readonly Level root = new();
    private readonly Dictionary<(Level, ObjectId), ObjectId?[]> read = [];
    private readonly Dictionary<ObjectId, ObjectId> treesOf = [];

    /// <param name="folders">'/'-separated paths from the repository's root ("." or "" is the root itself).</param>
    public FolderChanges(ObjectStore store, IReadOnlyList<string> folders)
    {
        this.store = store;
        for (var i = 0; i < folders.Count; i++)
        {
            var level = root;
            foreach (var name in folders[i] is "." ? [] : folders[i].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                level = level.Child(name);
            }

            level.Folders.Add(i);
        }
    }

    /// <summary>The folders (indices into the list, in its order) whose content differs between two root trees; a null parent is a root commit.</summary>
    public List<int> Changed(ObjectId tree, ObjectId? parentTree)
    {
        var changed = new List<int>();
        Compare(root, tree, parentTree, changed);
        changed.Sort();
        return changed;
    }

    /// <summary>A commit's root tree, read from the commit object once.</summary>
    public ObjectId TreeOf(ObjectId commit)
    {
        if (!treesOf.TryGetValue(commit, out var tree))
        {
            var (type, data) = store.Read(commit);
            tree = TreeOf(commit, type, data);
        }

        return tree;
    }

    /// <summary>The root tree of a commit already read: the first line of a commit object.</summary>
    public ObjectId TreeOf(ObjectId commit, ObjectType type, ReadOnlySpan<byte> data) =>
        treesOf[commit] = type == ObjectType.Commit && data.Length > 45 && data.StartsWith("tree "u8) && ObjectId.TryParse(data.Slice(5, 40), out var tree)
            ? tree
            : throw new InvalidDataException($"{commit} is not a commit with a tree");

    private void Compare(Level level, ObjectId? mine, ObjectId? theirs, List<int> changed)
    {
        if (mine == theirs)
        {
            return;
        }

        changed.AddRange(level.Folders);
        if (level.Children.Count == 0)
        {
            return;
        }

        var a = mine is { } m ? Entries(level, m) : null;
        var b = theirs is { } t ? Entries(level, t) : null;
        for (var i = 0; i < level.Children.Count; i++)
        {
            Compare(level.Children[i], a?[i], b?[i], changed);
        }
    }

    /// <summary>The ids of the level's children in the tree (null: not there); a blob where a tree was expected has none.</summary>
    private ObjectId?[] Entries(Level level, ObjectId tree)
    {
        if (read.TryGetValue((level, tree), out var known))
        {
            return known;
        }

        var ids = new ObjectId?[level.Children.Count];
        var (type, data) = store.Read(tree);
        if (type == ObjectType.Tree)
        {
            // gitformat-tree: "MODE NAME\0" and the 20 bytes of the id, repeated.
            var rest = data.AsSpan();
            Span<char> name = stackalloc char[256];
            while (rest.Length > 0)
            {
                var space = rest.IndexOf((byte)' ');
                var nul = rest.IndexOf((byte)0);
                if (space < 0 || nul < space || rest.Length < nul + 1 + ObjectId.Size)
                {
                    throw new InvalidDataException($"tree {tree} is malformed");
                }

                var bytes = rest[(space + 1)..nul];
                if (bytes.Length <= name.Length && Encoding.UTF8.TryGetChars(bytes, name, out var length)
                    && level.Index.TryGetValue(name[..length], out var at))
                {
                    ids[at] = ObjectId.FromBytes(rest.Slice(nul + 1, ObjectId.Size));
                }

                rest = rest[(nul + 1 + ObjectId.Size)..];
            }
        }

        return read[(level, tree)] = ids;
    }

    /// <summary>A folder level of the paths asked about: the folders ending here, and the names below it that lead to others.</summary>
    private sealed class Level
    {
        private readonly Dictionary<string, int> byName = new(StringComparer.Ordinal);

        public List<int> Folders { get; } = [];

        public List<Level> Children { get; } = [];

        public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Index => byName.GetAlternateLookup<ReadOnlySpan<char>>();

        public Level Child(string name)
        {
            if (!byName.TryGetValue(name, out var at))
            {
                byName[name] = at = Children.Count;
                Children.Add(new Level());
            }

            return Children[at];
        }
    }
}
