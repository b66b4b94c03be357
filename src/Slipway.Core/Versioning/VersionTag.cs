namespace Slipway.Core.Versioning;

/// <summary>A git tag whose name is the tag prefix plus a semantic version, and the commit it points at.</summary>
public sealed record VersionTag(string Name, SemanticVersion Version, string Commit)
{
    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;
}
