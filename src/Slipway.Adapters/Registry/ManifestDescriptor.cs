namespace Slipway.Adapters.Registry;

/// <summary>What a HEAD request tells about a tag: the digest and media type it points at.</summary>
public sealed record ManifestDescriptor(string Digest, string MediaType);
