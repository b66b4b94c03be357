namespace Slipway.Adapters.Git.Objects;

/// <summary>The object types of a git repository, numbered as packs number them.</summary>
internal enum ObjectType
{
    None = 0,
    Commit = 1,
    Tree = 2,
    Blob = 3,
    Tag = 4,
}
