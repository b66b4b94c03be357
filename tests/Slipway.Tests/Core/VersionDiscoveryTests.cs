using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

/// <summary>The pure discovery rules: candidates ordered by precedence, reachability asked in growing batches.</summary>
public sealed class VersionDiscoveryTests
{
    private static readonly TagNaming Naming = new("v");

    private static IReadOnlyList<VersionTag> Candidates(params (string Name, string Commit)[] tags) =>
        VersionDiscovery.Candidates(tags, Naming);

    [Fact]
    public void Candidates_are_the_version_tags_highest_first()
    {
        var list = Candidates(("v1.9.0", "a"), ("v1.10.0", "b"), ("build-1", "c"), ("v1.10.0-rc.1", "d"), ("vX", "e"));
        Assert.Equal(["v1.10.0", "v1.10.0-rc.1", "v1.9.0"], list.Select(t => t.Name));
    }

    [Fact]
    public async Task The_first_reachable_tag_is_latest_and_the_first_reachable_release_is_stable()
    {
        var list = Candidates(("v3.0.0", "side"), ("v2.1.0-rc.1", "rc"), ("v2.0.0", "main2"), ("v1.0.0", "main1"));
        var line = await VersionDiscovery.FindAsync(list, batch =>
            Task.FromResult<IReadOnlySet<string>>(batch.Select(t => t.Commit).Where(c => c != "side").ToHashSet()));
        Assert.Equal("v2.1.0-rc.1", line.Latest?.Name);
        Assert.Equal("v2.0.0", line.LatestStable?.Name);
    }

    [Fact]
    public async Task Only_the_tags_above_the_answer_are_asked_about()
    {
        var tags = Enumerable.Range(0, 10_000).Select(i => ($"v1.0.{i}", $"c{i}")).ToArray();
        var asked = 0;
        var line = await VersionDiscovery.FindAsync(Candidates(tags), batch =>
        {
            asked += batch.Count;
            return Task.FromResult<IReadOnlySet<string>>(batch.Select(t => t.Commit).ToHashSet());
        });
        Assert.Equal("v1.0.9999", line.LatestStable?.Name);
        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task Below_the_latest_prerelease_only_releases_are_asked_about()
    {
        var list = Candidates(("v2.0.0-rc.3", "rc3"), ("v2.0.0-rc.2", "rc2"), ("v2.0.0-rc.1", "rc1"), ("v1.5.0", "stable"));
        var asked = new List<string>();
        var line = await VersionDiscovery.FindAsync(list, batch =>
        {
            asked.AddRange(batch.Select(t => t.Name));
            return Task.FromResult<IReadOnlySet<string>>(batch.Select(t => t.Commit).ToHashSet());
        });
        Assert.Equal("v2.0.0-rc.3", line.Latest?.Name);
        Assert.Equal("v1.5.0", line.LatestStable?.Name);
        Assert.DoesNotContain("v2.0.0-rc.2", asked);
    }

    [Fact]
    public async Task Nothing_reachable_gives_an_empty_line()
    {
        var line = await VersionDiscovery.FindAsync(Candidates(("v1.0.0", "x")), _ => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()));
        Assert.Equal(ReleaseLine.Empty, line);
    }
}
