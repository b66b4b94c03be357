namespace Slipway.Core.Doctor;

/// <summary>
/// actionlint's rules that can be checked without it, on a read workflow: known events, every job has runs-on (or calls a
/// workflow), needs names jobs that exist; and the token permissions the steps need. Each problem is "file:line: what".
/// </summary>
public static class WorkflowRules
{
    /// <summary>The events that can start a workflow (docs.github.com, "Events that trigger workflows").</summary>
    public static readonly IReadOnlySet<string> Events = new HashSet<string>(StringComparer.Ordinal)
    {
        "branch_protection_rule", "check_run", "check_suite", "create", "delete", "deployment", "deployment_status", "discussion",
        "discussion_comment", "fork", "gollum", "image_version", "issue_comment", "issues", "label", "merge_group", "milestone",
        "page_build", "public", "pull_request", "pull_request_review", "pull_request_review_comment", "pull_request_target",
        "push", "registry_package", "release", "repository_dispatch", "schedule", "status", "watch", "workflow_call",
        "workflow_dispatch", "workflow_run",
    };

    /// <summary>Structural problems: no events, an unknown event, no jobs, a job without runs-on, needs naming no job.</summary>
    public static IReadOnlyList<string> Problems(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var problems = new List<string>();
        if (workflow.Events.Count == 0)
        {
            problems.Add($"{workflow.File}: no `on:` events, so the workflow never runs");
        }

        problems.AddRange(workflow.Events.Where(e => !Events.Contains(e.Name)).Select(e => $"{workflow.File}:{e.Line}: unknown event '{e.Name}'"));
        if (workflow.Jobs.Count == 0)
        {
            problems.Add($"{workflow.File}: no jobs");
        }

        var ids = workflow.Jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var job in workflow.Jobs)
        {
            if (!job.HasRunsOn && !job.CallsWorkflow)
            {
                problems.Add($"{workflow.File}:{job.Line}: job '{job.Id}' has no runs-on");
            }

            problems.AddRange(job.Needs.Where(n => !ids.Contains(n.Name)).Select(n => $"{workflow.File}:{n.Line}: job '{job.Id}' needs '{n.Name}', which is not a job of this workflow"));
            problems.AddRange(job.Needs.Where(n => n.Name == job.Id).Select(n => $"{workflow.File}:{n.Line}: job '{job.Id}' needs itself"));
        }

        return problems;
    }

    /// <summary>A permission a job needs and does not have: "release.yml:70: job 'image' pushes to ghcr.io but has no packages: write".</summary>
    /// <param name="imageOnGhcr">slipway.yml's image is in ghcr.io: `ci release` and `image promote` write its tags there.</param>
    public static IReadOnlyList<UngrantedScope> UngrantedScopes(Workflow workflow, bool imageOnGhcr)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var missing = new List<UngrantedScope>();
        foreach (var job in workflow.Jobs)
        {
            // A job's permissions replace the workflow's; with neither, the repository's default token permissions apply (not known here).
            if ((job.Permissions ?? workflow.Permissions) is not { } granted)
            {
                continue;
            }

            foreach (var (scope, why) in Needs(job, imageOnGhcr))
            {
                if (!granted.CanWrite(scope))
                {
                    missing.Add(new UngrantedScope(workflow.File, job.Id, (job.Permissions ?? workflow.Permissions)!.Line, scope, why));
                }
            }
        }

        return missing;
    }

    /// <summary>The write scopes a job's steps need, with the reason (the first step that needs each).</summary>
    public static IReadOnlyList<(string Scope, string Why)> Needs(WorkflowJob job, bool imageOnGhcr)
    {
        ArgumentNullException.ThrowIfNull(job);
        var needs = new List<(string, string)>();
        void Need(string scope, string why)
        {
            if (!needs.Any(n => n.Item1 == scope))
            {
                needs.Add((scope, why));
            }
        }

        var logsInToGhcr = job.Steps.Any(s => Action(s) == "docker/login-action" && s.With.TryGetValue("registry", out var r) && IsGhcr(r));
        foreach (var step in job.Steps)
        {
            var command = SlipwayCommand(step);
            if (command is "release" or "publish" or "ci release" or "deploy" or "promote" or "rollback")
            {
                Need("contents", $"slipway {command} pushes to the repository (tags, releases or the ledger)");
            }

            if (imageOnGhcr && command is "ci release" or "image promote")
            {
                Need("packages", $"slipway {command} writes the version tags of the image in ghcr.io");
            }

            if (logsInToGhcr && Action(step) == "docker/build-push-action" && step.With.TryGetValue("push", out var push) && push == "true")
            {
                Need("packages", "docker/build-push-action pushes the image to ghcr.io");
            }
        }

        return needs;
    }

    private static bool IsGhcr(string registry) => registry.Trim().Equals("ghcr.io", StringComparison.OrdinalIgnoreCase);

    private static string? Action(WorkflowStep step) => step.Uses?.Split('@')[0];

    /// <summary>The slipway command a step runs: the Action's `command:` input, or `slipway X` in its script.</summary>
    private static string? SlipwayCommand(WorkflowStep step)
    {
        if (Action(step) is { } action && action.EndsWith("/slipway", StringComparison.Ordinal))
        {
            return step.With.TryGetValue("command", out var command) ? Command(command.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : null;
        }

        if (step.Run is not { } run)
        {
            return null;
        }

        foreach (var line in run.Split('\n'))
        {
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var at = Array.IndexOf(words, "slipway");
            if (at >= 0 && Command(words[(at + 1)..]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Command(string[] words) => words switch
    {
        ["ci" or "image", var sub, ..] => $"{words[0]} {sub}",
        [var first, ..] when !first.StartsWith('-') => first,
        _ => null,
    };
}

/// <summary>A write permission a job needs and does not have, and why it needs it.</summary>
public sealed record UngrantedScope(string File, string Job, long Line, string Scope, string Why)
{
    public override string ToString() => $"{File}:{Line}: job '{Job}' has no {Scope}: write ({Why})";
}
