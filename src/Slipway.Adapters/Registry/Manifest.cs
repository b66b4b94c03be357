using System.Security.Cryptography;

namespace Slipway.Adapters.Registry;

/// <summary>A manifest or index exactly as the registry sent it: the bytes, their media type and their digest.</summary>
/// <remarks>The bytes are never re-serialised: the digest is the sha256 of these exact bytes, and re-tagging PUTs them unchanged.</remarks>
public sealed class Manifest
{
    public Manifest(ReadOnlyMemory<byte> content, string mediaType)
    {
        Content = content;
        MediaType = mediaType;
        Digest = DigestOf(content.Span);
    }

    public ReadOnlyMemory<byte> Content { get; }

    public string MediaType { get; }

    /// <summary>sha256:... of <see cref="Content"/>.</summary>
    public string Digest { get; }

    /// <summary>True for a multi-platform index (OCI index or Docker manifest list).</summary>
    public bool IsIndex => ManifestMediaTypes.IsIndex(MediaType);

    public static string DigestOf(ReadOnlySpan<byte> content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
