using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Slipway.Core.Images;

/// <summary>An image reference parsed like Docker does: <c>host[:port]/path[:tag][@digest]</c>, with docker.io and library/ as defaults.</summary>
public sealed partial record ImageReference
{
    public const string DockerHub = "docker.io";

    private ImageReference(string registry, string repository, string? tag, string? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry as written in references (docker.io for Docker Hub), with its port if any.</summary>
    public string Registry { get; }

    /// <summary>The repository path inside the registry (library/nginx, o/app).</summary>
    public string Repository { get; }

    public string? Tag { get; }

    /// <summary>The manifest digest (sha256:...), when the reference names one.</summary>
    public string? Digest { get; }

    /// <summary>What to ask the registry for: the digest when there is one, else the tag.</summary>
    public string Reference => Digest ?? Tag ?? "latest";

    /// <summary>The host that serves the Distribution API (Docker Hub's API is not at docker.io itself).</summary>
    public string ApiHost => Registry == DockerHub ? "registry-1.docker.io" : Registry;

    /// <summary>True for localhost and 127.0.0.0/8, which Docker (and Slipway) reach over plain HTTP.</summary>
    public bool IsLoopback
    {
        get
        {
            var host = HostName;
            if (host is "localhost" or "[::1]")
            {
                return true;
            }

            var parts = host.Split('.');
            return parts.Length == 4 && parts[0] == "127" && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
        }
    }

    /// <summary>The registry without its port.</summary>
    public string HostName
    {
        get
        {
            if (Registry.StartsWith('['))
            {
                var end = Registry.IndexOf(']', StringComparison.Ordinal);
                return Registry[..(end + 1)];
            }

            var colon = Registry.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? Registry : Registry[..colon];
        }
    }

    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var error)
            ? reference
            : throw new FormatException(error);

    /// <summary>Parses a reference; on failure <paramref name="error"/> says what is wrong in a few words.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ImageReference? reference, out string error)
    {
        reference = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "an image reference is empty";
            return false;
        }

        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest) || (digest.StartsWith("sha256:", StringComparison.Ordinal) && !Sha256Pattern().IsMatch(digest)))
            {
                error = $"'{digest}' is not a digest (expected sha256: and 64 lower-case hex digits)";
                return false;
            }
        }

        string? tag = null;
        var lastColon = rest.LastIndexOf(':');
        if (lastColon >= 0 && rest.IndexOf('/', lastColon) < 0)
        {
            tag = rest[(lastColon + 1)..];
            rest = rest[..lastColon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"'{tag}' is not a valid tag (letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-')";
                return false;
            }
        }

        var registry = DockerHub;
        var path = rest;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = rest[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" || first.Any(char.IsAsciiLetterUpper))
            {
                if (!DomainPattern().IsMatch(first))
                {
                    error = $"'{first}' is not a registry host (host[:port])";
                    return false;
                }

                registry = first == "index.docker.io" ? DockerHub : first;
                path = rest[(slash + 1)..];
            }
        }

        if (path.Length == 0 || path.Split('/').Any(component => !PathComponentPattern().IsMatch(component)))
        {
            error = $"'{path}' is not a repository name (lower-case letters, digits and separators ._- between path components)";
            return false;
        }

        if (registry == DockerHub && !path.Contains('/', StringComparison.Ordinal))
        {
            path = "library/" + path;
        }

        if (registry.Length + 1 + path.Length > 255)
        {
            error = "the repository name is longer than 255 characters";
            return false;
        }

        reference = new ImageReference(registry, path, tag ?? (digest is null ? "latest" : null), digest);
        error = string.Empty;
        return true;
    }

    /// <summary>The same repository with another tag and no digest.</summary>
    public ImageReference WithTag(string tag) =>
        TagPattern().IsMatch(tag)
            ? new ImageReference(Registry, Repository, tag, null)
            : throw new ArgumentException($"'{tag}' is not a valid tag", nameof(tag));

    /// <summary>True when <paramref name="tag"/> is a tag Docker accepts.</summary>
    public static bool IsValidTag(string tag) => TagPattern().IsMatch(tag);

    /// <summary>The repository without tag or digest: host/path.</summary>
    public string Name => $"{Registry}/{Repository}";

    public override string ToString() =>
        Name + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}\z")]
    private static partial Regex DigestPattern();

    [GeneratedRegex(@"^sha256:[0-9a-f]{64}\z")]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:]+\])(?::[0-9]{1,5})?\z")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*\z")]
    private static partial Regex PathComponentPattern();
}
