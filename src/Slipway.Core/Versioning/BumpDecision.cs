namespace Slipway.Core.Versioning;

/// <summary>The bump chosen for a release, and why (shown by plan).</summary>
public sealed record BumpDecision(BumpKind Kind, string Reason)
{
    /// <summary>A version the commits force (release-please's Release-As footer), or null to increment by <see cref="Kind"/>.</summary>
    public SemanticVersion? Version { get; init; }

    /// <summary>What another setting would have decided, when it matters (plan shows it), or null.</summary>
    public string? Hint { get; init; }

    /// <summary>A release wanted with no commits of its own (a package's forced release, a dependent of a released package, a group's member).</summary>
    public bool Forced { get; init; }

    /// <summary>The version this bump gives from <paramref name="current"/>.</summary>
    public SemanticVersion Apply(SemanticVersion current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Version ?? current.Increment(Kind);
    }

    public static BumpDecision Requested(BumpKind kind) => new(kind, $"{Name(kind)} requested on the command line");

    public static BumpDecision Default(BumpKind kind) => new(kind, $"{Name(kind)}, the default bump (versioning.bump: manual)");

    /// <summary>The bump a release already on HEAD made from <paramref name="from"/> (the version its range starts after).</summary>
    public static BumpDecision Released(VersionTag released, SemanticVersion from)
    {
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(from);
        var to = released.Version;
        var kind = to.Major != from.Major ? BumpKind.Major : to.Minor != from.Minor ? BumpKind.Minor : to.Patch != from.Patch ? BumpKind.Patch : BumpKind.None;
        return new BumpDecision(kind, $"{Name(kind)}: {released.Name}, the release on HEAD") { Version = to };
    }

    public static string Name(BumpKind kind) => kind.ToString().ToLowerInvariant();
}
