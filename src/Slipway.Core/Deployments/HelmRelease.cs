namespace Slipway.Core.Deployments;

/// <summary>How an environment is deployed with Helm: `helm upgrade --install RELEASE CHART ...`.</summary>
public sealed record HelmRelease
{
    public required string Release { get; init; }

    /// <summary>A chart path (relative to the repository root) or an oci:// reference.</summary>
    public required string Chart { get; init; }

    /// <summary>Values files, passed in order with -f.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    public string? Namespace { get; init; }

    public bool CreateNamespace { get; init; }

    /// <summary>Extra --set values, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Set { get; init; } = [];

    /// <summary>The values key that receives the image tag.</summary>
    public string ImageKey { get; init; } = "image.tag";

    /// <summary>The values key that receives the image's digest (sha256:…) when an image is configured, so a moved tag cannot change what runs.</summary>
    public string DigestKey { get; init; } = "image.digest";

    /// <summary>Helm's --timeout, a Go duration such as 5m or 90s.</summary>
    public string Timeout { get; init; } = "5m";

    public string? KubeContext { get; init; }
}
