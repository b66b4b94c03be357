using Slipway.Adapters.Git;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Git;

/// <summary>The git adapter's tag listing (show-ref --dereference) and its one-walk reachability, on real repositories.</summary>
public sealed class TagDiscoveryTests
{
    [Fact]
    public async Task A_repository_without_tags_lists_none_instead_of_failing()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: first");
        Assert.Empty(await new GitRepository(repo.Path).ListTagsAsync(string.Empty, default));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_kind_of_tag_is_listed_with_the_commit_it_peels_to_whether_refs_are_loose_or_packed(bool packed)
    {
        using var repo = new GitRepo();
        var first = repo.Commit("feat: first");
        repo.Tag("v1.0.0");                                    // annotated
        var second = repo.Commit("fix: second");
        repo.LightweightTag("v1.0.1");                         // lightweight: the ref is the commit
        repo.Git("tag", "--annotate", "--message", "tag of a tag", "v1.0.2", "v1.0.0");  // peels through two tag objects
        repo.LightweightTag("build-7", first);
        if (packed)
        {
            repo.Git("pack-refs", "--all");
        }

        var tags = (await new GitRepository(repo.Path).ListTagsAsync(string.Empty, default)).ToDictionary(t => t.Name);

        Assert.Equal(["build-7", "v1.0.0", "v1.0.1", "v1.0.2"], tags.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(first, tags["v1.0.0"].Commit);
        Assert.Equal(repo.Git("rev-parse", "v1.0.0"), tags["v1.0.0"].ObjectId);     // the tag object, not the commit
        Assert.Equal(second, tags["v1.0.1"].Commit);
        Assert.Equal(second, tags["v1.0.1"].ObjectId);
        Assert.Equal(first, tags["v1.0.2"].Commit);
        Assert.Equal(first, tags["build-7"].Commit);
    }

    [Fact]
    public async Task The_prefix_filters_the_listing()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        repo.Tag("app-1.0.0");
        var tags = await new GitRepository(repo.Path).ListTagsAsync("app-", default);
        Assert.Equal("app-1.0.0", Assert.Single(tags).Name);
    }

    [Fact]
    public async Task One_walk_names_every_tagged_commit_of_an_unmerged_branch_as_not_reachable()
    {
        using var repo = new GitRepo();
        var fork = repo.Commit("feat: base");
        repo.Branch("side");
        var sideOld = repo.Commit("feat: side 1");
        repo.Commit("feat: side 2");
        var sideTip = repo.Commit("feat: side 3");
        repo.Switch("main");
        var mainTip = repo.Commit("fix: main");

        var git = new GitRepository(repo.Path);
        var watch = new HashSet<string>([fork, sideOld, sideTip, mainTip], StringComparer.Ordinal);
        var notReachable = await git.NotReachableFromHeadAsync([sideTip, fork], watch, default);

        // Asked about the side branch's tip only, the walk also passed its older tagged commit.
        Assert.Equal(new HashSet<string>([sideTip, sideOld]), notReachable.ToHashSet());
    }

    [Fact]
    public async Task Version_discovery_skips_a_whole_unmerged_branch_of_higher_prereleases()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: base");
        repo.Tag("v1.0.0");
        repo.Branch("side");
        for (var i = 1; i <= 12; i++)
        {
            repo.Commit($"feat: side {i}");
            repo.Tag($"v2.0.0-side.{i}");
        }

        repo.Switch("main");
        repo.Commit("fix: main");
        repo.Tag("v1.0.1");
        repo.Commit("fix: more");
        repo.Git("pack-refs", "--all");

        var result = repo.Slipway("version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1.0.1\n", result.StandardOutput);
    }
}
