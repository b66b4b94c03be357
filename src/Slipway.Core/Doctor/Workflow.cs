namespace Slipway.Core.Doctor;

/// <summary>A GitHub Actions workflow as the reader found it: what `doctor` checks (events, the push filter, jobs, permissions).</summary>
/// <param name="File">The path shown in problems (.github/workflows/release.yml).</param>
/// <param name="Events">Each event under `on:` with its line.</param>
/// <param name="Push">The `on.push` filters, or null when the workflow does not run on push.</param>
/// <param name="Permissions">The workflow's `permissions:`, or null when it sets none.</param>
public sealed record Workflow(string File, IReadOnlyList<Located> Events, PushFilter? Push, TokenPermissions? Permissions, IReadOnlyList<WorkflowJob> Jobs);

/// <summary>A name and the line it is written on (1-based).</summary>
public sealed record Located(string Name, long Line);

/// <summary>on.push's filters (null lists are absent keys).</summary>
/// <param name="FiltersBranches">branches or branches-ignore is set: then, without a tag filter, no tag push starts it.</param>
public sealed record PushFilter(IReadOnlyList<string>? Tags, IReadOnlyList<string>? TagsIgnore, bool FiltersBranches, long Line)
{
    /// <summary>Whether pushing <paramref name="tag"/> starts the workflow.</summary>
    public bool Starts(string tag) => FilterPattern.TagStarts(Tags, TagsIgnore, FiltersBranches, tag);
}

/// <summary>One job: runs-on (or a reusable workflow), needs, its permissions and steps.</summary>
public sealed record WorkflowJob(string Id, long Line, bool HasRunsOn, bool CallsWorkflow, IReadOnlyList<Located> Needs, TokenPermissions? Permissions, IReadOnlyList<WorkflowStep> Steps);

/// <summary>One step: the action it uses or the script it runs, and its `with:` inputs.</summary>
public sealed record WorkflowStep(long Line, string? Uses, string? Run, IReadOnlyDictionary<string, string> With);

/// <summary>A `permissions:` value: read-all/write-all, or scopes (contents: write); {} is no scope at all.</summary>
public sealed record TokenPermissions(string? All, IReadOnlyDictionary<string, string> Scopes, long Line)
{
    public bool CanWrite(string scope) => All == "write-all" || (Scopes.TryGetValue(scope, out var level) && level == "write");
}
