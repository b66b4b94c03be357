using Slipway.Adapters.Registry;
using Slipway.Core.Errors;
using Slipway.Core.Images;
using Slipway.Core.Security;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.ImageRegistry;

/// <summary>The registry client against the real docker-registry, in each of its auth modes.</summary>
public sealed class RegistryClientTests
{
    [Theory]
    [InlineData(RegistryAuth.Anonymous)]
    [InlineData(RegistryAuth.Basic)]
    [InlineData(RegistryAuth.Token)]
    [InlineData(RegistryAuth.AnonymousToken)]
    public async Task Retagging_puts_the_same_bytes_and_keeps_the_digest(RegistryAuth auth)
    {
        using var registry = new Registry(auth);
        var image = OciImage.Create();
        var digest = registry.Push("app", "main-abc1234", image);
        using var client = Client(registry, auth is RegistryAuth.Basic or RegistryAuth.Token);

        await client.PingAsync(default);
        var manifest = await client.GetManifestAsync("app", "main-abc1234", default);
        var stored = await client.PutManifestAsync("app", "v1.3.0", manifest, default);
        var head = await client.HeadManifestAsync("app", "v1.3.0", default);
        var tags = await client.ListTagsAsync("app", default);

        Assert.Equal(digest, manifest.Digest);
        Assert.Equal(image.Manifest, manifest.Content.ToArray());
        Assert.Equal(OciImage.OciManifestType, manifest.MediaType);
        Assert.Equal(digest, stored);
        Assert.Equal(new ManifestDescriptor(digest, OciImage.OciManifestType), head);
        Assert.Equal(["main-abc1234", "v1.3.0"], tags.Order(StringComparer.Ordinal));
        Assert.Equal(0, registry.CountRequests("POST", "/blobs/uploads") - 2); // only the fixture's two blob uploads
    }

    [Fact]
    public async Task A_docker_v2s2_manifest_is_read_and_retagged_with_its_own_media_type()
    {
        using var registry = new Registry();
        var image = OciImage.Create(docker: true);
        var digest = registry.Push("app", "build", image);
        using var client = Client(registry, false);

        var manifest = await client.GetManifestAsync("app", "build", default);
        await client.PutManifestAsync("app", "v1", manifest, default);

        Assert.Equal(OciImage.DockerManifestType, manifest.MediaType);
        Assert.Equal(digest, (await client.HeadManifestAsync("app", "v1", default))?.Digest);
    }

    [Fact]
    public async Task A_manifest_by_digest_and_an_unknown_tag()
    {
        using var registry = new Registry();
        var digest = registry.Push("app", "build", OciImage.Create());
        using var client = Client(registry, false);

        var byDigest = await client.GetManifestAsync("app", digest, default);
        var missing = await client.HeadManifestAsync("app", "nope", default);
        var error = await Assert.ThrowsAsync<SlipwayException>(() => client.GetManifestAsync("app", "nope", default));

        Assert.Equal(digest, byDigest.Digest);
        Assert.Null(missing);
        Assert.Equal(ExitCode.Precondition, error.Error.Code);
        Assert.Contains($"image {registry.Host}/app:nope not found", error.Error.Message, StringComparison.Ordinal);
        Assert.Empty(await client.ListTagsAsync("other", default));
    }

    [Theory]
    [InlineData(RegistryAuth.Basic)]
    [InlineData(RegistryAuth.Token)]
    public async Task A_wrong_password_is_refused_in_one_line_without_the_password(RegistryAuth auth)
    {
        using var registry = new Registry(auth);
        var wrong = $"wrong-{Guid.NewGuid():N}";
        using var client = new RegistryClient(ImageReference.Parse($"{registry.Host}/app"),
            new RegistryCredential(Registry.User, new Secret(wrong), "--password-stdin"), new RegistryClientOptions { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<SlipwayException>(() => client.GetManifestAsync("app", "x", default));

        Assert.Equal(ExitCode.Failed, error.Error.Code);
        Assert.Contains($"registry {registry.Host} refused the credentials from --password-stdin for user ci", error.Error.OneLine(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RegistryAuth.Basic)]
    [InlineData(RegistryAuth.Token)]
    public async Task No_credentials_for_a_registry_that_wants_them_says_how_to_give_them(RegistryAuth auth)
    {
        using var registry = new Registry(auth);
        using var client = Client(registry, false);

        var error = await Assert.ThrowsAsync<SlipwayException>(() => client.ListTagsAsync("app", default));

        Assert.Equal($"registry {registry.Host} requires authentication; pass --username and --password-stdin, set REGISTRY_USERNAME and REGISTRY_PASSWORD, or run `docker login {registry.Host}`", error.Error.OneLine());
    }

    [Fact]
    public async Task A_registry_that_is_down_is_reported_after_the_retries()
    {
        using var registry = new Registry();
        registry.Stop();
        using var client = new RegistryClient(ImageReference.Parse($"{registry.Host}/app"), null,
            new RegistryClientOptions { BaseDelay = TimeSpan.FromMilliseconds(10) });

        var error = await Assert.ThrowsAsync<SlipwayException>(() => client.PingAsync(default));

        Assert.StartsWith($"cannot reach registry {registry.Host} (Connection refused", error.Error.Message, StringComparison.Ordinal);
        Assert.Equal(4, client.RequestCount); // the first attempt and three retries
    }

    private static RegistryClient Client(Registry registry, bool withCredential) =>
        new(ImageReference.Parse($"{registry.Host}/app"),
            withCredential ? new RegistryCredential(Registry.User, new Secret(registry.Password), "test") : null,
            new RegistryClientOptions { Push = true });
}
