namespace Slipway.Core.Versioning;

/// <summary>The bump chosen for a release, and why (shown by plan).</summary>
public sealed record BumpDecision(BumpKind Kind, string Reason)
{
    public static BumpDecision Requested(BumpKind kind) => new(kind, $"{Name(kind)} requested on the command line");

    public static BumpDecision Default(BumpKind kind) => new(kind, $"{Name(kind)}, the default bump (versioning.bump: manual)");

    public static string Name(BumpKind kind) => kind.ToString().ToLowerInvariant();
}
