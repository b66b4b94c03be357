using System.Text;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.ImageRegistry;

/// <summary>`slipway image promote` with credentials, refusals and a registry that goes down mid-promotion.</summary>
public sealed class ImagePromoteFailureTests : IDisposable
{
    private readonly TempDirectory _home = new("slipway-home");

    [Fact]
    public void Basic_auth_with_username_and_password_on_stdin()
    {
        using var registry = new Registry(RegistryAuth.Basic);
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());

        var result = Run(registry.Password + "\n", null, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0", "--username", Registry.User, "--password-stdin");

        Expect.Success(result);
        Assert.Equal(digest, Skopeo.InspectDigest($"{registry.Host}/app:v1.3.0", $"{Registry.User}:{registry.Password}"));
        Assert.DoesNotContain(registry.Password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Basic_auth_from_REGISTRY_USERNAME_and_REGISTRY_PASSWORD()
    {
        using var registry = new Registry(RegistryAuth.Basic);
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());

        var result = Run(null, new() { ["REGISTRY_USERNAME"] = Registry.User, ["REGISTRY_PASSWORD"] = registry.Password }, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0");

        Expect.Success(result);
        Assert.Equal(digest, Skopeo.Digest($"{registry.Host}/app:latest", $"{Registry.User}:{registry.Password}"));
    }

    [Fact]
    public void Basic_auth_from_the_docker_config_auths_entry()
    {
        using var registry = new Registry(RegistryAuth.Basic);
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Registry.User}:{registry.Password}"));
        Directory.CreateDirectory(_home.Combine(".docker"));
        File.WriteAllText(_home.Combine(".docker", "config.json"), "{\"auths\":{\"http://" + registry.Host + "\":{\"auth\":\"" + auth + "\"}}}");

        var result = Run(null, null, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0");

        Expect.Success(result);
        Assert.Equal(digest, Skopeo.Digest($"{registry.Host}/app:v1", $"{Registry.User}:{registry.Password}"));
    }

    [Fact]
    public void A_registry_that_wants_credentials_and_gets_none_says_how_to_give_them()
    {
        using var registry = new Registry(RegistryAuth.Basic);

        var result = Run(null, null, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0");

        Expect.OneLineError(result, 1, $"registry {registry.Host} requires authentication", "--password-stdin", "REGISTRY_USERNAME");
    }

    [Fact]
    public void Token_auth_with_credentials_takes_one_token_for_the_whole_promotion()
    {
        using var registry = new Registry(RegistryAuth.Token);
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());

        var result = Run($"{registry.Password}\n", null, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0", "-u", Registry.User, "--password-stdin");

        Expect.Success(result);
        // GET manifest (401), token, GET manifest, GET tags, 4 PUTs.
        Assert.EndsWith("4 added; 8 HTTP requests, no blob transferred", result.StandardError.Trim(), StringComparison.Ordinal);
        foreach (var tag in new[] { "v1.3.0", "v1.3", "v1", "latest" })
        {
            Assert.Equal(digest, Skopeo.InspectDigest($"{registry.Host}/app:{tag}", $"{Registry.User}:{registry.Password}"));
        }

        Assert.DoesNotContain("eyJ", result.StandardOutput + result.StandardError, StringComparison.Ordinal); // no JWT
    }

    [Fact]
    public void Token_auth_with_a_wrong_password_fails_in_one_line_and_prints_no_secret()
    {
        using var registry = new Registry(RegistryAuth.Token);
        registry.Push("app", "main-abc1234", OciImage.Create());
        var canary = $"canary-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string?> { ["REGISTRY_USERNAME"] = Registry.User, ["REGISTRY_PASSWORD"] = canary, ["GITHUB_TOKEN"] = canary + "-gh" };

        var plain = Run(null, environment, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0");
        var verbose = Run(null, environment, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0", "--verbose", "--json");

        Expect.OneLineError(plain, 1, $"registry {registry.Host} refused the credentials from REGISTRY_USERNAME/REGISTRY_PASSWORD for user ci");
        Assert.Equal(1, verbose.ExitCode);
        foreach (var output in new[] { plain, verbose }.SelectMany(r => new[] { r.StandardOutput, r.StandardError }))
        {
            Assert.DoesNotContain(canary, output, StringComparison.Ordinal);
            Assert.DoesNotContain(registry.Password, output, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", output, StringComparison.Ordinal);
        }

        Assert.Equal(["main-abc1234"], registry.Tags("app"));
    }

    [Fact]
    public void Anonymous_token_auth_needs_no_credentials()
    {
        using var registry = new Registry(RegistryAuth.AnonymousToken);
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());

        var result = Run(null, null, $"{registry.Host}/app:main-abc1234", "--version", "0.1.0");

        Expect.Success(result);
        Assert.Equal(digest, Skopeo.Digest($"{registry.Host}/app:v0.1.0"));
    }

    [Theory]
    [InlineData(RegistryAuth.Anonymous, 7)]
    [InlineData(RegistryAuth.Basic, 8)]
    [InlineData(RegistryAuth.Token, 9)]
    public void A_promotion_of_five_tags_takes_one_put_per_tag_and_few_other_requests(RegistryAuth auth, int requests)
    {
        using var registry = new Registry(auth);
        registry.Push("app", "main-abc1234", OciImage.Create());
        File.WriteAllText(_home.Combine("slipway.yml"), """
            image:
              tags: |
                type=semver,pattern=v{{version}}
                type=semver,pattern=v{{major}}.{{minor}}
                type=semver,pattern=v{{major}}
                type=raw,value=stable
            """);
        var credentials = auth == RegistryAuth.Anonymous ? [] : new[] { "-u", Registry.User, "--password-stdin" };

        var result = Run(registry.Password, null, [$"{registry.Host}/app:main-abc1234", "--version", "1.3.0", .. credentials]);

        Expect.Success(result);
        Assert.EndsWith($"5 added; {requests} HTTP requests, no blob transferred", result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.Equal(1 + 5, registry.CountRequests("PUT", "/manifests/")); // the fixture's push, then one per tag
    }

    [Fact]
    public void Registry_stopped_mid_promotion_fails_naming_the_tag_then_a_rerun_finishes()
    {
        using var registry = new Registry();
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());
        using var outage = new RegistryProxy(registry, stopAtPut: 3);
        var source = $"{outage.Host}/app:main-abc1234";

        var failed = Run(null, null, source, "--version", "1.3.0");

        var line = Expect.OneLineError(failed, 1, $"could not tag {outage.Host}/app:v", "(and 1 more): PUT app:v", "answered 502 Bad Gateway", "re-run the same command to finish");
        var outcome = ImagePromoteTests.Lines(failed.StandardOutput);
        Assert.Equal(2, outcome.Count(l => l.EndsWith(" added", StringComparison.Ordinal)));
        Assert.Equal(2, outcome.Count(l => l.Contains(" answered 502 Bad Gateway", StringComparison.Ordinal)));
        Assert.Contains(outcome, l => l.StartsWith(line[("slipway: could not tag ".Length)..line.IndexOf(" (and", StringComparison.Ordinal)] + " ", StringComparison.Ordinal));

        registry.Start();
        var rerun = Run(null, null, source, "--version", "1.3.0");

        Expect.Success(rerun);
        var lines = ImagePromoteTests.Lines(rerun.StandardOutput);
        Assert.Equal(2, lines.Count(l => l.EndsWith($"{digest} already there", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.EndsWith($"{digest} added", StringComparison.Ordinal)));
        foreach (var tag in new[] { "v1.3.0", "v1.3", "v1", "latest" })
        {
            Assert.Equal(digest, Skopeo.Digest($"{registry.Host}/app:{tag}"));
        }
    }

    [Fact]
    public void A_registry_that_answers_429_is_retried_after_its_Retry_After()
    {
        using var registry = new Registry();
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());
        using var proxy = new RegistryProxy(registry, throttle: 2);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = Run(null, null, $"{proxy.Host}/app:main-abc1234", "--version", "1.3.0");

        Expect.Success(result);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"Retry-After: 1, twice, was not waited out ({clock.Elapsed})");
        Assert.EndsWith("4 added; 8 HTTP requests, no blob transferred", result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.Equal(8, proxy.Requests);
        Assert.Equal(digest, Skopeo.Digest($"{registry.Host}/app:v1.3.0"));
    }

    public void Dispose() => _home.Dispose();

    private RunResult Run(string? stdin, Dictionary<string, string?>? environment, params string[] arguments)
    {
        var env = new Dictionary<string, string?> { ["HOME"] = _home.Path, ["DOCKER_CONFIG"] = null, ["REGISTRY_USERNAME"] = null, ["REGISTRY_PASSWORD"] = null };
        foreach (var (k, v) in environment ?? [])
        {
            env[k] = v;
        }

        return SlipwayCli.Run(_home.Path, env, stdin, ["image", "promote", .. arguments]);
    }
}
