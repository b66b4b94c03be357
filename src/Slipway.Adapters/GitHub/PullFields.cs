namespace Slipway.Adapters.GitHub;

/// <summary>The body of POST /repos/{owner}/{repo}/pulls (head and base set) and PATCH .../pulls/{pull_number} (only what changes).</summary>
public sealed record PullFields
{
    public string? Title { get; init; }

    public string? Body { get; init; }

    public string? Head { get; init; }

    public string? Base { get; init; }

    /// <summary>open or closed (updates only).</summary>
    public string? State { get; init; }
}

/// <summary>The body of POST and PUT /repos/{owner}/{repo}/issues/{issue_number}/labels.</summary>
public sealed record LabelFields(IReadOnlyList<string> Labels);
