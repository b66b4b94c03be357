namespace Slipway.Adapters.Git;

/// <summary>A tag as `git show-ref --dereference` lists it: the name (without refs/tags/), the object it points at (a tag object or a commit), and what that object peels to.</summary>
public sealed class TagRef : IEquatable<TagRef>
{
    private readonly Objects.ObjectId rawObjectId;
    private string? objectId;

    public TagRef(string name, string objectId, string commit)
    {
        Name = name;
        this.objectId = objectId;
        Commit = commit;
    }

    /// <summary>A tag read from the files: the name of its tag object is made into text only if it is asked for (rarely).</summary>
    internal TagRef(string name, Objects.ObjectId objectId, string commit)
    {
        Name = name;
        rawObjectId = objectId;
        Commit = commit;
    }

    public string Name { get; }

    /// <summary>The object the tag points at: a tag object, or the commit itself for a lightweight tag.</summary>
    public string ObjectId => objectId ??= rawObjectId.ToString();

    /// <summary>The object the tag finally points at: the commit of an annotated tag, or <see cref="ObjectId"/> itself for a lightweight tag.</summary>
    public string Commit { get; }

    public bool Equals(TagRef? other) =>
        other is not null && Name == other.Name && ObjectId == other.ObjectId && Commit == other.Commit;

    public override bool Equals(object? obj) => Equals(obj as TagRef);

    public override int GetHashCode() => HashCode.Combine(Name, Commit);

    public override string ToString() => $"{Name} {ObjectId} {Commit}";
}
