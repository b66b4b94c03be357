namespace Slipway.Core.Images;

/// <summary>What a build is of: the GitHub event and ref (or the local repository's equivalent), the commit, the branches and dates. Plain data; the CLI reads it from the environment or git.</summary>
public sealed record ImageBuildContext
{
    /// <summary>GITHUB_EVENT_NAME (push, pull_request, schedule, release, …); empty for a local build.</summary>
    public string EventName { get; init; } = string.Empty;

    /// <summary>The full ref: refs/heads/main, refs/tags/v1.2.3, refs/pull/15/merge; empty when there is none.</summary>
    public string Ref { get; init; } = string.Empty;

    /// <summary>The commit built (40 hex digits); empty when unknown.</summary>
    public string Sha { get; init; } = string.Empty;

    /// <summary>The repository's default branch (type=edge without branch=).</summary>
    public string DefaultBranch { get; init; } = "main";

    /// <summary>The default branch as the event reports it ({{is_default_branch}}); null when the event does not say.</summary>
    public string? EventDefaultBranch { get; init; }

    /// <summary>{{base_ref}}: the branch a tag was pushed from, or a pull request's base branch.</summary>
    public string? BaseRef { get; init; }

    /// <summary>On a tag ref, the release branch that contains the tag: {{branch}} and {{is_default_branch}} use it (metadata-action leaves {{branch}} empty there, which gave the seed `-abc1234`).</summary>
    public string? TagBranch { get; init; }

    /// <summary>On a pull request, its source branch (GITHUB_HEAD_REF): {{branch}} uses it (metadata-action: empty, which gives tags like `-abc1234`).</summary>
    public string? HeadRef { get; init; }

    /// <summary>The commit's date ({{commit_date}}); null renders as <see cref="Now"/>.</summary>
    public DateTimeOffset? CommitDate { get; init; }

    /// <summary>The build time ({{date}} and the `created` label), given by the caller because Core reads no clock.</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>The repository's web address (`source` and `url` labels), e.g. https://github.com/owner/app; null when unknown.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>The repository's name (`title` label); null when unknown.</summary>
    public string? Title { get; init; }

    /// <summary>The branch of a branch ref, without refs/heads/; null for other refs.</summary>
    public string? RefBranch => Ref.StartsWith("refs/heads/", StringComparison.Ordinal) ? Ref["refs/heads/".Length..] : null;

    /// <summary>The tag of a tag ref, without refs/tags/; null for other refs.</summary>
    public string? RefTag => Ref.StartsWith("refs/tags/", StringComparison.Ordinal) ? Ref["refs/tags/".Length..] : null;

    /// <summary>True for refs/pull/… refs.</summary>
    public bool IsPullRequest => Ref.StartsWith("refs/pull/", StringComparison.Ordinal);
}
