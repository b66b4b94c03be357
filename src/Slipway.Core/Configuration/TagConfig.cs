namespace Slipway.Core.Configuration;

/// <summary>The `tag:` section: how version tags are named.</summary>
public sealed record TagConfig
{
    /// <summary>Put before the version in the tag name: "v" gives v1.2.3.</summary>
    public string Prefix { get; init; } = "v";
}
