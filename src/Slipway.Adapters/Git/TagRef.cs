namespace Slipway.Adapters.Git;

/// <summary>A tag as `git for-each-ref` lists it: the name (without refs/tags/) and the object it points at (a tag object or a commit).</summary>
public sealed record TagRef(string Name, string ObjectId);
