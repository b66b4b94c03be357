using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>Deploy what was released: with an image configured, the version's image must be in the (real) registry, and its digest goes to the ledger and the chart.</summary>
public sealed class DeployDigestTests
{
    private static string Config(Registry registry, string helmExtra = "") => $$"""
        image:
          name: {{registry.Host}}/acme/app
        environments:
          staging:
            helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-staging.yaml], namespace: agent-bus-staging{{helmExtra}} }

        """;

    [Fact]
    public void A_version_whose_image_is_not_in_the_registry_is_not_deployed_and_the_error_names_the_tag()
    {
        using var registry = new Registry();
        using var example = new DeployExample(Config(registry));
        registry.Push("acme/app", "v1.3.0", OciImage.Create());

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"slipway: the image {registry.Host}/acme/app:v1.3.1 is not in the registry, so 1.3.1 has nothing to deploy; build and push it, then give it the version's tags (`slipway ci release` on the tag does; or `slipway image promote`), or pass --image-digest\n",
            result.StandardError);
        Assert.Empty(example.Helm.Upgrades);
        Assert.Empty(example.RemoteLedger());
    }

    [Fact]
    public void The_digest_of_the_version_tag_is_recorded_and_given_to_the_chart()
    {
        using var registry = new Registry();
        using var example = new DeployExample(Config(registry, ", digest_key: app.digest"));
        var digest = registry.Push("acme/app", "v1.3.1", OciImage.Create());

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(digest, Assert.Single(example.RemoteLedger("staging")).Digest);
        Assert.Equal(["--set", "image.tag=v1.3.1", "--set-string", $"app.digest={digest}"], Assert.Single(example.Helm.Upgrades)[4..8]);
    }

    [Fact]
    public void An_explicit_image_digest_wins_and_no_registry_is_asked()
    {
        using var registry = new Registry();
        using var example = new DeployExample(Config(registry));
        var given = "sha256:" + new string('d', 64);

        var result = example.Slipway("deploy", "staging", "1.3.1", "--image-digest", given);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(given, Assert.Single(example.RemoteLedger("staging")).Digest);
        Assert.Equal($"image.digest={given}", Assert.Single(example.Helm.Upgrades)[7]);
        Assert.Equal(0, registry.CountRequests("HEAD", "/manifests/"));
    }

    [Fact]
    public void Without_an_image_configured_nothing_is_looked_up_and_no_digest_is_set()
    {
        using var example = new DeployExample();

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Null(Assert.Single(example.RemoteLedger("staging")).Digest);
        Assert.DoesNotContain("--set-string", Assert.Single(example.Helm.Upgrades));
    }
}
