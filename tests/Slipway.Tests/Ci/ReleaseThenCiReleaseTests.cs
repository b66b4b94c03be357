using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Ci;

/// <summary>The documented order: `slipway release` at a terminal pushes the tag and stops there when CI builds the image; `ci release` on the tag does the rest.</summary>
public sealed class ReleaseThenCiReleaseTests
{
    [Fact]
    public void Release_with_an_image_built_by_CI_ends_after_the_push_and_says_what_the_tag_push_does_next()
    {
        using var setup = new CiReleaseSetup();
        setup.Example.Repo.Commit("feat: export");

        var release = setup.Example.Slipway(setup.Api.Environment, "release", "minor", "--yes");

        Assert.True(release.ExitCode == 0, release.ToString());
        Assert.Equal("released v1.4.0\n", release.StandardOutput);
        Assert.Contains("- publish: skipped", release.StandardError, StringComparison.Ordinal);
        Assert.EndsWith("next: the tag push runs `slipway ci release` in CI (image, publish, deploy staging); without CI, run it here once the image is built\n",
            release.StandardError, StringComparison.Ordinal);
        Assert.Contains("v1.4.0", setup.Example.Remote.Tags().Keys);
        Assert.Empty(setup.Api.Requests);

        var commit = setup.Example.Repo.Head;
        var digest = setup.Registry.Push("acme/app", $"main-{commit[..7]}", OciImage.Create("1.4.0\n"));
        var ci = setup.CiRelease(new Dictionary<string, string?> { ["GITHUB_REF"] = "refs/tags/v1.4.0", ["GITHUB_REF_NAME"] = "v1.4.0" });

        Assert.True(ci.ExitCode == 0, ci.ToString());
        Assert.EndsWith("released v1.4.0: image, publish, deploy staging\n", ci.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(digest, Skopeo.Digest($"{setup.Registry.Host}/acme/app:v1.4.0"));
        Assert.Equal("v1.4.0", Assert.Single(setup.Api.Releases).TagName);
        Assert.Equal(("1.4.0", digest), (Assert.Single(setup.Example.RemoteLedger("staging")).Version.ToString(), setup.Example.RemoteLedger("staging")[0].Digest));
    }
}
