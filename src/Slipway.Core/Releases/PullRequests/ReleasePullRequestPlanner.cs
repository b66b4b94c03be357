namespace Slipway.Core.Releases.PullRequests;

/// <summary>Decides what the standing release pull request should become: opened, updated, closed, left alone.</summary>
public static class ReleasePullRequestPlanner
{
    public const string PendingLabel = "slipway: pending";
    public const string ReleasedLabel = "slipway: released";

    /// <summary>The release branch for a branch: slipway/release-main.</summary>
    public static string BranchFor(string branch) => $"slipway/release-{branch}";

    /// <summary>A package's own release branch (`release_pr.separate`): slipway/release-main-core; a name's characters that are not
    /// letters, digits, '.', '_' or '-' (`@scope/cli`) become '-', so the branch is one plain path segment after the release branch's.</summary>
    public static string BranchFor(string branch, string package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var name = new string([.. package.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')]).Trim('-', '.');
        return $"{BranchFor(branch)}-{(name.Length == 0 ? "package" : name)}";
    }

    /// <param name="proposal">What to propose, or null when nothing is releasable.</param>
    /// <param name="pulls">The pull requests from the release branch, any state.</param>
    /// <param name="releasableSinceClosed">Whether commits since the base of the newest pull request (when a person closed it) call for a release.</param>
    public static ReleasePullRequestAction Decide(ReleaseProposal? proposal, IReadOnlyList<PullRequestSnapshot> pulls, bool releasableSinceClosed = true)
    {
        ArgumentNullException.ThrowIfNull(pulls);
        var open = pulls.Where(p => p.Open).OrderByDescending(p => p.Number).FirstOrDefault();
        if (proposal is null)
        {
            return open is null
                ? new ReleasePullRequestAction(ReleasePullRequestChange.Nothing, "nothing to release")
                : new ReleasePullRequestAction(ReleasePullRequestChange.Close, "nothing to release any more")
                {
                    Number = open.Number,
                    Body = WithdrawnBody(open),
                };
        }

        var section = ReleasePullRequestBody.Section(proposal);
        if (open is not null)
        {
            var body = ReleasePullRequestBody.Merge(open.Body, section);
            var title = open.Title == proposal.Title ? null : proposal.Title;
            var newBody = open.Body == body ? null : body;
            string[] labels = open.Labels.Contains(PendingLabel, StringComparer.Ordinal) ? [] : [PendingLabel];
            return title is null && newBody is null && labels.Length == 0
                ? new ReleasePullRequestAction(ReleasePullRequestChange.Nothing, $"#{open.Number} already proposes {proposal.Tag}") { Number = open.Number, KeepBranch = true }
                : new ReleasePullRequestAction(ReleasePullRequestChange.Update, $"#{open.Number} now proposes {proposal.Tag}")
                {
                    Number = open.Number,
                    Title = title,
                    Body = newBody,
                    AddLabels = labels,
                    KeepBranch = true,
                };
        }

        // The newest pull request decides: closed unmerged by a person, it stays closed until new commits call for a release.
        if (ClosedByHand(pulls) is { } last && !releasableSinceClosed)
        {
            return new ReleasePullRequestAction(ReleasePullRequestChange.StayClosed,
                $"#{last.Number} proposing {proposal.Tag} was closed by hand; it is not reopened until there are new releasable commits")
            {
                Number = last.Number,
            };
        }

        return new ReleasePullRequestAction(ReleasePullRequestChange.Create, $"propose {proposal.Tag}")
        {
            Title = proposal.Title,
            Body = ReleasePullRequestBody.Merge(null, section),
            AddLabels = [PendingLabel],
            KeepBranch = true,
        };
    }

    /// <summary>The newest pull request from the release branch when a person closed it without merging (not Slipway, which marks it withdrawn), or null.</summary>
    public static PullRequestSnapshot? ClosedByHand(IReadOnlyList<PullRequestSnapshot> pulls)
    {
        ArgumentNullException.ThrowIfNull(pulls);
        var last = pulls.OrderByDescending(p => p.Number).FirstOrDefault();
        return last is { Open: false, Merged: false } && ReleasePullRequestBody.Marker(last.Body) is { Withdrawn: false } ? last : null;
    }

    /// <summary>The body a pull request closed by Slipway gets: its section marked withdrawn, so that the same proposal may open a new one later.</summary>
    private static string WithdrawnBody(PullRequestSnapshot open)
    {
        var tag = open.Title.StartsWith("chore(release): ", StringComparison.Ordinal) ? open.Title["chore(release): ".Length..] : open.Title;
        var withdrawn = ReleasePullRequestBody.Section(new ReleaseProposal(tag, string.Empty, ReleasePullRequestBody.Marker(open.Body)?.Base ?? string.Empty), withdrawn: true);
        return ReleasePullRequestBody.Merge(open.Body, withdrawn);
    }
}
