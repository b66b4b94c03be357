using System.Text.Json;

namespace Slipway.Tests.Fixtures;

/// <summary>The real skopeo, reading back what a registry holds (a second, independent client).</summary>
public static class Skopeo
{
    /// <summary>The digest skopeo sees for a reference (docker://host/repo:tag), over plain HTTP.</summary>
    public static string Digest(string reference, string? credentials = null)
    {
        var result = Run.Process("skopeo", ["inspect", "--raw", "--tls-verify=false", .. Credentials(credentials), $"docker://{reference}"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"skopeo inspect {reference} failed: {result}");
        }

        // --raw prints the manifest bytes exactly as stored; their sha256 is the digest.
        return OciImage.DigestOf(System.Text.Encoding.UTF8.GetBytes(result.StandardOutput));
    }

    /// <summary>skopeo's own `Digest` field (for a single image; for an index skopeo picks a platform).</summary>
    public static string InspectDigest(string reference, string? credentials = null)
    {
        var result = Run.Process("skopeo", ["inspect", "--tls-verify=false", .. Credentials(credentials), $"docker://{reference}"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"skopeo inspect {reference} failed: {result}");
        }

        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("Digest").GetString()!;
    }

    private static string[] Credentials(string? credentials) => credentials is null ? [] : ["--creds", credentials];
}
