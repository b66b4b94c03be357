namespace Slipway.Adapters.Actions;

/// <summary>
/// The GitHub Actions run a command is part of, as its environment variables tell it (GITHUB_ACTIONS, GITHUB_ACTOR,
/// GITHUB_REPOSITORY, GITHUB_SERVER_URL, GITHUB_RUN_ID, GITHUB_SHA, GITHUB_REF*, GITHUB_OUTPUT, GITHUB_EVENT_PATH, …): the one
/// place those names are read. Each value is as set (null when unset); outside Actions they are all null.
/// </summary>
public sealed class ActionsContext
{
    private readonly Func<string, string?> _environment;

    private ActionsContext(Func<string, string?> environment) => _environment = environment;

    /// <summary>The facts of the run <paramref name="environment"/> describes.</summary>
    public static ActionsContext From(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new ActionsContext(environment);
    }

    /// <summary>GITHUB_ACTIONS=true: this is a step of a GitHub Actions job (annotations, approvals by environment).</summary>
    public bool InActions => _environment("GITHUB_ACTIONS") == "true";

    /// <summary>GITHUB_REF or GITHUB_EVENT_NAME set: there is an event to build from, rather than the local checkout.</summary>
    public bool HasEvent => !string.IsNullOrEmpty(Ref) || !string.IsNullOrEmpty(EventName);

    /// <summary>GITHUB_ACTOR: who started the run.</summary>
    public string? Actor => _environment("GITHUB_ACTOR");

    /// <summary>GITHUB_REPOSITORY: owner/name.</summary>
    public string? Repository => _environment("GITHUB_REPOSITORY");

    /// <summary>GITHUB_SERVER_URL: https://github.com, or a GitHub Enterprise server.</summary>
    public string? ServerUrl => _environment("GITHUB_SERVER_URL");

    /// <summary>GITHUB_RUN_ID.</summary>
    public string? RunId => _environment("GITHUB_RUN_ID");

    /// <summary>GITHUB_SHA: the commit the event is of.</summary>
    public string? Sha => _environment("GITHUB_SHA");

    /// <summary>GITHUB_EVENT_NAME: push, pull_request, …</summary>
    public string? EventName => _environment("GITHUB_EVENT_NAME");

    /// <summary>GITHUB_REF: refs/heads/main, refs/tags/v1.2.0, refs/pull/7/merge.</summary>
    public string? Ref => _environment("GITHUB_REF");

    /// <summary>GITHUB_REF_TYPE: branch or tag.</summary>
    public string? RefType => _environment("GITHUB_REF_TYPE");

    /// <summary>GITHUB_REF_NAME: the branch or tag's short name.</summary>
    public string? RefName => _environment("GITHUB_REF_NAME");

    /// <summary>GITHUB_BASE_REF: a pull request's target branch.</summary>
    public string? BaseRef => _environment("GITHUB_BASE_REF");

    /// <summary>GITHUB_HEAD_REF: a pull request's source branch.</summary>
    public string? HeadRef => _environment("GITHUB_HEAD_REF");

    /// <summary>GITHUB_OUTPUT: the file the step's outputs are appended to.</summary>
    public string? OutputPath => _environment("GITHUB_OUTPUT");

    /// <summary>GITHUB_STEP_SUMMARY: the file the job summary's Markdown is appended to.</summary>
    public string? StepSummaryPath => _environment("GITHUB_STEP_SUMMARY");

    /// <summary>GITHUB_EVENT_PATH: the event's JSON payload.</summary>
    public string? EventPath => _environment("GITHUB_EVENT_PATH");

    /// <summary>The tag the workflow runs on: GITHUB_REF_NAME for a tag ref, else the tag in GITHUB_REF; null on a branch or outside Actions.</summary>
    public string? PushedTag =>
        RefType == "tag" ? RefName
        : Ref is { } gitRef && gitRef.StartsWith("refs/tags/", StringComparison.Ordinal) ? gitRef["refs/tags/".Length..]
        : null;

    /// <summary>The run's page (server/owner/name/actions/runs/id) when all three are known.</summary>
    public string? RunUrl =>
        ServerUrl is { Length: > 0 } server && Repository is { Length: > 0 } repository && RunId is { Length: > 0 } run
            ? $"{server.TrimEnd('/')}/{repository}/actions/runs/{run}"
            : null;

    /// <summary>The repository's page (GITHUB_SERVER_URL, https://github.com when unset), or null outside Actions.</summary>
    public string? RepositoryUrl =>
        Repository is { Length: > 0 } repository
            ? $"{(ServerUrl is { Length: > 0 } server ? server : "https://github.com").TrimEnd('/')}/{repository}"
            : null;

    /// <summary>The project's name: the GitHub repository's (the name of owner/name), else the folder's at <paramref name="root"/>.</summary>
    public string ProjectName(string root) =>
        Repository is { Length: > 0 } repository && repository.Contains('/', StringComparison.Ordinal)
            ? repository[(repository.LastIndexOf('/') + 1)..]
            : Path.GetFileName(Path.TrimEndingDirectorySeparator(root));

    /// <summary>The event's payload (<see cref="EventPath"/>); none outside Actions or when the file is missing or not JSON.</summary>
    public GitHubEvent ReadEvent() => GitHubEvent.Read(EventPath);
}
