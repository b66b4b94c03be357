using Slipway.Adapters.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Images;

namespace Slipway.Tests.Images;

/// <summary>slipway.yml's image: section as the loader reads it.</summary>
public sealed class ImageConfigTests
{
    [Fact]
    public void No_image_section_gives_the_seeds_tag_rules()
    {
        var config = ConfigLoader.Parse("branch: main\n", "slipway.yml");

        var rules = config.Image.Rules();
        Assert.Equal(["type=semver,pattern=v{{version}}", "type=semver,pattern=v{{major}}.{{minor}}", "type=semver,pattern=v{{major}}", "type=sha,prefix={{branch}}-"],
            rules.Tags.Select(t => t.Text));
        Assert.Equal(LatestMode.Auto, rules.Flavor.Latest);
        Assert.False(config.Image.Insecure);
    }

    [Fact]
    public void Image_section_reads_names_rules_flavor_labels_and_insecure()
    {
        var config = ConfigLoader.Parse("""
            image:
              names: [ghcr.io/Owner/App, docker.io/owner/app]
              tags: |
                type=semver,pattern={{version}}
                # comment
                type=raw,value=stable,enable={{is_default_branch}}
              flavor: |
                latest=false
                prefix=svc-
              labels:
                - org.opencontainers.image.vendor=Owner
              insecure: true
            """, "slipway.yml");

        var rules = config.Image.Rules();
        Assert.Equal(["ghcr.io/owner/app", "docker.io/owner/app"], rules.Images.Select(i => i.Name));
        Assert.Equal(2, rules.Tags.Count);
        Assert.Equal(LatestMode.Never, rules.Flavor.Latest);
        Assert.Equal("svc-", rules.Flavor.Prefix);
        Assert.Equal(["org.opencontainers.image.vendor=Owner"], rules.Labels);
        Assert.True(config.Image.Insecure);
    }

    [Theory]
    [InlineData("image:\n  tags: |\n    type=semver,pattern={{version}}\n    type=bogus\n", "slipway.yml:2: image.tags: image tag rule 'type=bogus': unknown type 'bogus'")]
    [InlineData("image:\n  flavor: latest=sometimes\n", "slipway.yml:2: image.flavor: image flavor 'latest=sometimes'")]
    [InlineData("image:\n  name: a\n  names: [b]\n", "slipway.yml:3: image.names: name and names are both set")]
    [InlineData("image:\n  insecure: maybe\n", "slipway.yml:2: image.insecure: 'maybe' is not true or false")]
    [InlineData("image:\n  tag: x\n", "slipway.yml:2: image.tag: unknown key")]
    public void Bad_image_setting_names_the_file_line_and_key(string yaml, string expectedStart)
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse(yaml, "slipway.yml"));

        Assert.Equal(ExitCode.Usage, error.Error.Code);
        Assert.StartsWith(expectedStart, error.Error.OneLine(), StringComparison.Ordinal);
    }
}
