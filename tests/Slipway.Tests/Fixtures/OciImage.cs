using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Slipway.Tests.Fixtures;

/// <summary>A tiny image built in memory (one file in one layer), like infra.md's mkoci.py: same arguments, same digests. OCI by default, Docker v2s2 on request.</summary>
public sealed class OciImage
{
    public const string OciManifestType = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndexType = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifestType = "application/vnd.docker.distribution.manifest.v2+json";

    private OciImage(IReadOnlyList<Blob> blobs, byte[] manifest, string mediaType, string architecture)
    {
        Blobs = blobs;
        Manifest = manifest;
        MediaType = mediaType;
        Architecture = architecture;
        Digest = DigestOf(manifest);
    }

    /// <summary>Config and layer, to upload before the manifest.</summary>
    public IReadOnlyList<Blob> Blobs { get; }

    public byte[] Manifest { get; }

    public string MediaType { get; }

    public string Digest { get; }

    public string Architecture { get; }

    public static OciImage Create(string content = "hello\n", string architecture = "amd64", bool docker = false)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var data = Encoding.UTF8.GetBytes(content);
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "hello.txt")
            {
                ModificationTime = DateTimeOffset.UnixEpoch,
                DataStream = new MemoryStream(data),
            };
            writer.WriteEntry(entry);
        }

        var tarBytes = tar.ToArray();
        var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(tarBytes);
        }

        var layer = new Blob(gz.ToArray());
        var config = new Blob(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["architecture"] = architecture,
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Cmd"] = new JsonArray("/hello") },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(DigestOf(tarBytes)) },
        }.ToJsonString()));
        var mediaType = docker ? DockerManifestType : OciManifestType;
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = mediaType,
            ["config"] = Descriptor(docker ? "application/vnd.docker.container.image.v1+json" : "application/vnd.oci.image.config.v1+json", config),
            ["layers"] = new JsonArray(Descriptor(docker ? "application/vnd.docker.image.rootfs.diff.tar.gzip" : "application/vnd.oci.image.layer.v1.tar+gzip", layer)),
        };
        return new OciImage([config, layer], Encoding.UTF8.GetBytes(manifest.ToJsonString()), mediaType, architecture);
    }

    /// <summary>An OCI index over the given images, one entry per platform (linux/architecture).</summary>
    public static byte[] Index(params OciImage[] images) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciIndexType,
            ["manifests"] = new JsonArray(images.Select(i => (JsonNode)new JsonObject
            {
                ["mediaType"] = i.MediaType,
                ["digest"] = i.Digest,
                ["size"] = i.Manifest.Length,
                ["platform"] = new JsonObject { ["architecture"] = i.Architecture, ["os"] = "linux" },
            }).ToArray()),
        }.ToJsonString());

    public static string DigestOf(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static JsonObject Descriptor(string mediaType, Blob blob) =>
        new() { ["mediaType"] = mediaType, ["digest"] = blob.Digest, ["size"] = blob.Bytes.Length };

    /// <summary>A content-addressed blob.</summary>
    public sealed class Blob(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;

        public string Digest { get; } = DigestOf(bytes);
    }
}
