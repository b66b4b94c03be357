namespace Slipway.Adapters.Registry;

/// <summary>The four manifest media types Slipway reads and writes: OCI and Docker, single image and multi-platform index.</summary>
public static class ManifestMediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>All four, always: distribution 2.8 answers 404 or 400 when the stored type is missing from Accept.</summary>
    public static readonly IReadOnlyList<string> All = [OciManifest, OciIndex, DockerManifest, DockerManifestList];

    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsKnown(string mediaType) => All.Contains(mediaType, StringComparer.Ordinal);
}
