namespace Slipway.Core.Releases.PullRequests;

/// <summary>What the release pull request proposes: the tag, the changelog `slipway plan` shows, and the commit it is built on.</summary>
/// <param name="Tag">The next version's tag (v1.3.0).</param>
/// <param name="Changelog">The release's changelog section, as `plan` renders it.</param>
/// <param name="Base">The release branch's commit the proposal was computed on.</param>
public sealed record ReleaseProposal(string Tag, string Changelog, string Base)
{
    /// <summary>The pull request's title, which is also the release commit's subject: `chore(release): v1.3.0`.</summary>
    public string Title => ReleaseCommit.Message(Tag).TrimEnd('\n');

}
