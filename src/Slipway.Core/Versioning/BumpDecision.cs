namespace Slipway.Core.Versioning;

/// <summary>The bump chosen for a release, and why (shown by plan).</summary>
public sealed record BumpDecision(BumpKind Kind, string Reason)
{
    /// <summary>A version the commits force (release-please's Release-As footer), or null to increment by <see cref="Kind"/>.</summary>
    public SemanticVersion? Version { get; init; }

    /// <summary>The version this bump gives from <paramref name="current"/>.</summary>
    public SemanticVersion Apply(SemanticVersion current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Version ?? current.Increment(Kind);
    }

    public static BumpDecision Requested(BumpKind kind) => new(kind, $"{Name(kind)} requested on the command line");

    public static BumpDecision Default(BumpKind kind) => new(kind, $"{Name(kind)}, the default bump (versioning.bump: manual)");

    public static string Name(BumpKind kind) => kind.ToString().ToLowerInvariant();
}
