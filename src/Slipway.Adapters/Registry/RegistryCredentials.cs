using Slipway.Core.Errors;
using Slipway.Core.Security;

namespace Slipway.Adapters.Registry;

/// <summary>Finds the credential for a registry, first found wins: --username/--password-stdin, REGISTRY_USERNAME/REGISTRY_PASSWORD, ~/.docker/config.json, GITHUB_TOKEN for ghcr.io.</summary>
public static class RegistryCredentials
{
    public const string GitHubRegistry = "ghcr.io";

    /// <summary>The credential to offer when the registry asks, or null to stay anonymous.</summary>
    public static RegistryCredential? Resolve(string registry, RegistryCredential? given, Func<string, string?> environment)
    {
        if (given is not null)
        {
            return given;
        }

        var username = environment("REGISTRY_USERNAME");
        var password = environment("REGISTRY_PASSWORD");
        if (!string.IsNullOrEmpty(username) || !string.IsNullOrEmpty(password))
        {
            return string.IsNullOrEmpty(username) || password is null
                ? throw new SlipwayException(SlipwayError.Usage(
                    "REGISTRY_USERNAME and REGISTRY_PASSWORD must be set together", "set both, or neither to use ~/.docker/config.json"))
                : new RegistryCredential(username, new Secret(password), "REGISTRY_USERNAME/REGISTRY_PASSWORD");
        }

        if (DockerConfigFile.DefaultPath(environment) is { } path && DockerConfigFile.Find(path, registry) is { } stored)
        {
            return stored;
        }

        if (string.Equals(registry, GitHubRegistry, StringComparison.OrdinalIgnoreCase) && environment("GITHUB_TOKEN") is { Length: > 0 } token)
        {
            // ghcr.io accepts any user name with a token; the actor is what docker/login-action sends.
            return new RegistryCredential(environment("GITHUB_ACTOR") is { Length: > 0 } actor ? actor : "x-access-token", new Secret(token), "GITHUB_TOKEN");
        }

        return null;
    }
}
