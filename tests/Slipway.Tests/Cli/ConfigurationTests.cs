using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>slipway.yml: every key optional; unknown keys and bad values are one-line errors with file, line and key (exit 2).</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("brnch: main\n", "slipway.yml:1", "brnch", "unknown key")]
    [InlineData("branch: main\nversioning:\n  initail: 1.0.0\n", "slipway.yml:3", "versioning.initail", "unknown key")]
    [InlineData("versioning:\n  initial: 1.0\n", "slipway.yml:2", "versioning.initial", "not a semantic version")]
    [InlineData("versioning:\n  bump: sometimes\n", "slipway.yml:2", "versioning.bump", "manual")]
    [InlineData("tag:\n  prefix: \"v 1\"\n", "slipway.yml:2", "tag.prefix", "cannot start a git tag name")]
    [InlineData("tag: v\n", "slipway.yml:1", "tag", "expected a mapping")]
    [InlineData("branch: []\n", "slipway.yml:1", "branch", "the list of release branches is empty")]
    [InlineData("branch: [main, { name: \"1.x\", range: \"1.x.y\" }]\n", "slipway.yml:1", "branch[1].range", "not a version range")]
    [InlineData("branch: [main, \"@(a|b)\"]\n", "slipway.yml:1", "branch[1]", "only +([0-9]) is read")]
    [InlineData("branch: \"-x\"\n", "slipway.yml:1", "branch", "not a valid branch name")]
    [InlineData("remote: \"--upload-pack=x\"\n", "slipway.yml:1", "remote", "not a git remote name")]
    [InlineData("branch: main\n  bad: indent\n", "slipway.yml:", "not valid YAML")]
    [InlineData("- just\n- a list\n", "slipway.yml:1", "expected a mapping")]
    public void A_bad_configuration_is_a_one_line_error_naming_file_line_and_key(string yaml, params string[] fragments)
    {
        using var repo = new GitRepo();
        repo.WriteFile("slipway.yml", yaml);
        repo.Commit("fix: a");
        foreach (var command in new[] { "version", "plan" })
        {
            Expect.OneLineError(repo.Slipway(command), 2, fragments);
        }
    }

    [Fact]
    public void An_empty_configuration_file_means_the_defaults()
    {
        using var repo = new GitRepo();
        repo.WriteFile("slipway.yml", "# nothing yet\n");
        repo.Commit("fix: a");
        Assert.Equal("0.0.1\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void The_configured_branch_and_remote_are_the_ones_released_to()
    {
        using var remote = new BareRemote();
        using var repo = new GitRepo("trunk");
        repo.Git("remote", "add", "upstream", remote.Url);
        repo.WriteFile("slipway.yml", "branch: trunk\nremote: upstream\n");
        repo.Commit("feat: a");
        Expect.Success(repo.Slipway("release", "minor", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v0.1.0"]);
        Assert.Equal(repo.Head, remote.BranchCommit("trunk"));
    }

    [Fact]
    public void Slipway_reads_the_configuration_at_the_repository_root_from_a_subfolder()
    {
        using var repo = new GitRepo();
        repo.WriteFile("slipway.yml", "tag:\n  prefix: rel-\n");
        repo.WriteFile("sub/dir/file.txt", "x");
        repo.Commit("fix: a", "sub/dir/file.txt");
        repo.Tag("rel-3.0.0");
        var result = SlipwayCli.Run(Path.Combine(repo.Path, "sub", "dir"), "version");
        Assert.Equal("3.0.0\n", result.StandardOutput);
    }
}
