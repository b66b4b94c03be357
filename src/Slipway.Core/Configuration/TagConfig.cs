namespace Slipway.Core.Configuration;

/// <summary>The `tag:` section: how version tags are named.</summary>
public sealed record TagConfig
{
    /// <summary>Put before the version in the tag name: "v" gives v1.2.3. New tags get the first; tags with any of them are versions.</summary>
    public IReadOnlyList<string> Prefixes { get; init; } = ["v"];

    /// <summary>The prefix new tags get (the first of <see cref="Prefixes"/>).</summary>
    public string Prefix => Prefixes[0];

    /// <summary>False when slipway.yml does not set tag.prefix (the default "v" applies).</summary>
    public bool Configured { get; init; }
}
