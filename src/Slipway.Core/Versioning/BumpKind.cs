namespace Slipway.Core.Versioning;

/// <summary>How much a release increments the version.</summary>
public enum BumpKind
{
    None = 0,
    Patch = 1,
    Minor = 2,
    Major = 3,
}
