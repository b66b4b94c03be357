namespace Slipway.Adapters.Git;

/// <summary>A tag as `git show-ref --dereference` lists it: the name (without refs/tags/), the object it points at (a tag object or a commit), and what that object peels to.</summary>
/// <param name="Commit">The object the tag finally points at: the commit of an annotated tag, or <paramref name="ObjectId"/> itself for a lightweight tag.</param>
public sealed record TagRef(string Name, string ObjectId, string Commit);
