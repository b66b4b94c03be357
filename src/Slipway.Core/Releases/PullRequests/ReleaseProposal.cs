namespace Slipway.Core.Releases.PullRequests;

/// <summary>What the release pull request proposes: the tag, the changelog `slipway plan` shows, and the commit it is built on.</summary>
/// <param name="Tag">The next version's tag (v1.3.0).</param>
/// <param name="Changelog">The release's changelog section, as `plan` renders it.</param>
/// <param name="Base">The release branch's commit the proposal was computed on.</param>
public sealed record ReleaseProposal(string Tag, string Changelog, string Base)
{
    /// <summary>The pull request's title, which is also the release commit's subject: `chore(release): v1.3.0`.</summary>
    public string Title => ReleaseCommit.Message(Tag).TrimEnd('\n');

    /// <summary>Whether the pull request proposes several packages, so its body tells readers that `/slipway bump KIND NAME` bumps one of them.</summary>
    public bool PackagesByName { get; init; }

    /// <summary>A monorepo's proposal for several packages released by one pull request: the tags joined as the release commit's
    /// subject joins them (`core-v1.0.1, cli-v2.0.1`), and a section per package (`### core-v1.0.1`, then its notes).</summary>
    public static ReleaseProposal Combined(IReadOnlyList<(string Tag, string Changelog)> releases, string @base)
    {
        ArgumentNullException.ThrowIfNull(releases);
        if (releases.Count == 1)
        {
            return new ReleaseProposal(releases[0].Tag, releases[0].Changelog, @base);
        }

        var changelog = string.Join("\n\n", releases.Select(r => $"### {r.Tag}\n\n{r.Changelog.Trim('\n')}".TrimEnd('\n')));
        return new ReleaseProposal(string.Join(", ", releases.Select(r => r.Tag)), changelog, @base);
    }
}
