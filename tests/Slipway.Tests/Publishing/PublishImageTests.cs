using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Publishing;

/// <summary>Notes name only what exists: the `docker pull` line's tag is checked in a real registry before anything is published.</summary>
public sealed class PublishImageTests
{
    [Fact]
    public void A_missing_image_tag_stops_publishing_with_exit_3_naming_the_tag()
    {
        using var registry = new Registry();
        using var setup = new ReleasedRepo($"image:\n  name: {registry.Host}/acme/app\nrelease:\n  github: {{ repo: acme/app }}\n");
        setup.Release("1.3.0", "feat: export");
        registry.Push("acme/app", "main-abc1234", OciImage.Create());

        var result = setup.Publish("1.3.0");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(
            $"slipway: the image tag {registry.Host}/acme/app:v1.3.0 is not in the registry, so the notes' `docker pull` line would name nothing; push or promote the image first (slipway image promote), or pass --allow-missing-image to publish anyway",
            result.StandardError.Trim());
        Assert.Empty(setup.Api.Requests);
        Assert.Empty(setup.Api.Releases);
    }

    [Fact]
    public void The_notes_name_the_image_tag_the_registry_has_and_the_version_it_is_for()
    {
        using var registry = new Registry();
        using var setup = new ReleasedRepo($"image:\n  name: {registry.Host}/acme/app\n");
        setup.Release("1.3.0", "feat: export");
        registry.Push("acme/app", "v1.3.0", OciImage.Create());

        var result = setup.Publish("1.3.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = Assert.Single(setup.Api.Releases).Body!;
        Assert.Contains($"```bash\ndocker pull {registry.Host}/acme/app:v1.3.0\n```", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("- export (", StringComparison.Ordinal) < body.IndexOf("docker pull", StringComparison.Ordinal), body);
    }

    [Fact]
    public void Allow_missing_image_publishes_with_the_tag_the_rules_give()
    {
        using var registry = new Registry();
        using var setup = new ReleasedRepo($"image:\n  name: {registry.Host}/acme/app\n");
        setup.Release("1.3.0", "feat: export");

        var result = setup.Publish("1.3.0", "--allow-missing-image");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"docker pull {registry.Host}/acme/app:v1.3.0", Assert.Single(setup.Api.Releases).Body!, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_image_the_notes_have_no_docker_pull_line_and_no_registry_is_asked()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.3.0", "feat: export");

        var result = setup.Publish("1.3.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("docker pull", Assert.Single(setup.Api.Releases).Body!, StringComparison.Ordinal);
    }
}
