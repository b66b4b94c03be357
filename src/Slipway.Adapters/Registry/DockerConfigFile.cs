using System.Text;
using System.Text.Json;
using Slipway.Core.Errors;
using Slipway.Core.Security;

namespace Slipway.Adapters.Registry;

/// <summary>Reads the credentials `docker login` stored in ~/.docker/config.json (its `auths` map, base64 `auth` field).</summary>
/// <remarks>Credential helpers (credsStore, credHelpers) are not run: they are programs, and an entry they own has no `auth` field.</remarks>
public static class DockerConfigFile
{
    /// <summary>$DOCKER_CONFIG/config.json, else ~/.docker/config.json.</summary>
    public static string? DefaultPath(Func<string, string?> environment)
    {
        var directory = environment("DOCKER_CONFIG");
        if (string.IsNullOrEmpty(directory))
        {
            var home = environment("HOME");
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            directory = Path.Combine(home, ".docker");
        }

        return Path.Combine(directory, "config.json");
    }

    /// <summary>The credential stored for <paramref name="registry"/>, or null when the file or the entry is absent.</summary>
    public static RegistryCredential? Find(string path, string registry)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new SlipwayException(SlipwayError.Usage($"{path}: not valid JSON ({e.Message})", "fix or remove the file, or run `docker login` again"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("auths", out var auths)
                || auths.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var entry in auths.EnumerateObject())
            {
                if (Matches(entry.Name, registry) && entry.Value.ValueKind == JsonValueKind.Object)
                {
                    return Read(path, entry.Name, entry.Value);
                }
            }
        }

        return null;
    }

    /// <summary>Keys are written as "ghcr.io", "https://ghcr.io", "http://127.0.0.1:5000/v2/" or Docker Hub's "https://index.docker.io/v1/".</summary>
    public static bool Matches(string key, string registry)
    {
        var host = key;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            host = host[..slash];
        }

        if (host is "index.docker.io" or "registry-1.docker.io")
        {
            host = "docker.io";
        }

        return string.Equals(host, registry, StringComparison.OrdinalIgnoreCase);
    }

    private static RegistryCredential? Read(string path, string key, JsonElement entry)
    {
        var source = $"{path} (auths.{key})";
        if (entry.TryGetProperty("auth", out var auth) && auth.ValueKind == JsonValueKind.String && auth.GetString() is { Length: > 0 } encoded)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                throw new SlipwayException(SlipwayError.Usage($"{source}: the auth field is not base64", "run `docker login` again"));
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0
                ? throw new SlipwayException(SlipwayError.Usage($"{source}: the auth field is not base64 of user:password", "run `docker login` again"))
                : new RegistryCredential(decoded[..colon], new Secret(decoded[(colon + 1)..]), source);
        }

        if (entry.TryGetProperty("username", out var user) && user.GetString() is { Length: > 0 } username
            && entry.TryGetProperty("password", out var password) && password.GetString() is { } secret)
        {
            return new RegistryCredential(username, new Secret(secret), source);
        }

        return null;
    }
}
