using Slipway.Adapters.Registry;
using Slipway.Core.Images;
using Slipway.Core.Security;

namespace Slipway.Tests.ImageRegistry;

/// <summary>Which URL a registry is reached at, and which credential is offered (no network).</summary>
public sealed class RegistryAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:5000/app:x", false, "http://127.0.0.1:5000/")]
    [InlineData("127.8.9.10:5000/app:x", false, "http://127.8.9.10:5000/")]
    [InlineData("localhost:5000/app:x", false, "http://localhost:5000/")]
    [InlineData("ghcr.io/o/app:x", false, "https://ghcr.io/")]
    [InlineData("registry.example.com:8443/team/app:x", false, "https://registry.example.com:8443/")]
    [InlineData("registry.example.com/team/app:x", true, "http://registry.example.com/")]
    [InlineData("128.0.0.1:5000/app:x", false, "https://128.0.0.1:5000/")]
    [InlineData("nginx:1.27", false, "https://registry-1.docker.io/")]
    public void Loopback_and_image_insecure_use_plain_http_everything_else_https(string reference, bool insecure, string expected)
    {
        using var client = new RegistryClient(ImageReference.Parse(reference), null, new RegistryClientOptions { Insecure = insecure });

        Assert.Equal(expected, client.BaseAddress.ToString());
    }

    [Fact]
    public void Credentials_come_from_flags_then_environment_then_docker_config_then_GITHUB_TOKEN()
    {
        using var home = new Fixtures.TempDirectory();
        Directory.CreateDirectory(home.Combine(".docker"));
        File.WriteAllText(home.Combine(".docker", "config.json"), """{"auths":{"https://ghcr.io":{"auth":"ZnJvbS1jb25maWc6c3RvcmVk"}}}""");
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home.Path,
            ["GITHUB_TOKEN"] = "gh-canary",
            ["GITHUB_ACTOR"] = "octocat",
            ["REGISTRY_USERNAME"] = "env-user",
            ["REGISTRY_PASSWORD"] = "env-canary",
        };
        var given = new RegistryCredential("flag-user", new Secret("flag-canary"), "--username/--password-stdin");

        var fromFlags = RegistryCredentials.Resolve("ghcr.io", given, k => environment.GetValueOrDefault(k));
        var fromEnv = RegistryCredentials.Resolve("ghcr.io", null, k => environment.GetValueOrDefault(k));
        environment.Remove("REGISTRY_USERNAME");
        environment.Remove("REGISTRY_PASSWORD");
        var fromConfig = RegistryCredentials.Resolve("ghcr.io", null, k => environment.GetValueOrDefault(k));
        File.Delete(home.Combine(".docker", "config.json"));
        var fromToken = RegistryCredentials.Resolve("ghcr.io", null, k => environment.GetValueOrDefault(k));
        var elsewhere = RegistryCredentials.Resolve("registry.example.com", null, k => environment.GetValueOrDefault(k));

        Assert.Equal(("flag-user", "flag-canary"), (fromFlags!.Username, fromFlags.Password.Reveal()));
        Assert.Equal(("env-user", "env-canary", "REGISTRY_USERNAME/REGISTRY_PASSWORD"), (fromEnv!.Username, fromEnv.Password.Reveal(), fromEnv.Source));
        Assert.Equal(("from-config", "stored"), (fromConfig!.Username, fromConfig.Password.Reveal()));
        Assert.Equal(("octocat", "gh-canary", "GITHUB_TOKEN"), (fromToken!.Username, fromToken.Password.Reveal(), fromToken.Source));
        Assert.Null(elsewhere); // GITHUB_TOKEN is for ghcr.io only
        foreach (var credential in new[] { fromFlags, fromEnv, fromConfig, fromToken })
        {
            Assert.DoesNotContain("canary", credential.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("stored", credential.ToString(), StringComparison.Ordinal);
            Assert.Contains("***", credential.ToString(), StringComparison.Ordinal);
        }
    }
}
