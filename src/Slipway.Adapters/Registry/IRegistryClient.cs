namespace Slipway.Adapters.Registry;

/// <summary>The Distribution API v2 operations Slipway needs on one registry: read a manifest, see where a tag points, re-tag by PUT, list tags.</summary>
public interface IRegistryClient
{
    /// <summary>Registry as written in image references (host[:port]).</summary>
    string Registry { get; }

    /// <summary>HTTP requests sent so far, retries and token requests included.</summary>
    int RequestCount { get; }

    /// <summary>GET /v2/: reachable and, after the auth dance, accepting the credential.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>The manifest or index a tag or digest names, byte for byte.</summary>
    Task<Manifest> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken);

    /// <summary>Where a tag points (HEAD), or null when the tag does not exist.</summary>
    Task<ManifestDescriptor?> HeadManifestAsync(string repository, string reference, CancellationToken cancellationToken);

    /// <summary>PUTs the exact bytes under <paramref name="tag"/>; returns the digest the registry stored.</summary>
    Task<string> PutManifestAsync(string repository, string tag, Manifest manifest, CancellationToken cancellationToken);

    /// <summary>Every tag of the repository (all pages); empty when the repository does not exist.</summary>
    Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken);
}
