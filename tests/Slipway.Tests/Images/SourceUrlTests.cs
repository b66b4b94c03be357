using Slipway.Cli.Images;

namespace Slipway.Tests.Images;

/// <summary>The `source` label outside GitHub Actions comes from the remote's URL.</summary>
public sealed class SourceUrlTests
{
    [Theory]
    [InlineData("git@github.com:owner/app.git", "https://github.com/owner/app")]
    [InlineData("https://github.com/owner/app.git", "https://github.com/owner/app")]
    [InlineData("https://gitlab.example.com:8443/group/sub/app", "https://gitlab.example.com:8443/group/sub/app")]
    [InlineData("ssh://git@github.com/owner/app.git", "https://github.com/owner/app")]
    public void Remote_url_gives_the_repository_web_address(string remote, string expected) =>
        Assert.Equal(expected, ImageBuildReader.WebUrl(remote));

    [Theory]
    [InlineData("file:///tmp/remote.git")]
    [InlineData("/srv/git/app.git")]
    public void Remote_without_a_web_page_gives_no_source(string remote) =>
        Assert.Null(ImageBuildReader.WebUrl(remote));
}
