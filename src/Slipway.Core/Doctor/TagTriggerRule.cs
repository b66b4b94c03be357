namespace Slipway.Core.Doctor;

/// <summary>The seed's first trouble, "the tag does not trigger the workflow": the next tag must match the release workflow's on.push.tags.</summary>
public static class TagTriggerRule
{
    public const string Name = "tag-trigger";

    /// <param name="file">The release workflow's path, for the messages.</param>
    /// <param name="workflow">The release workflow, or null when the file does not exist (or is not a workflow: that is the workflows check's failure).</param>
    /// <param name="nextTag">The tag `plan` would create.</param>
    /// <param name="patterns">The patterns that would match every version tag (init's v*.*.*), for the fix.</param>
    public static DoctorCheck Check(string file, Workflow? workflow, bool exists, string nextTag, IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var wanted = $"on: {{ push: {{ tags: [{string.Join(", ", patterns.Select(p => $"\"{p}\""))}] }} }}";
        if (!exists)
        {
            return DoctorCheck.Fail(Name, $"{file} does not exist, so pushing {nextTag} builds and releases nothing", $"run slipway init to write it (or add {wanted} to your release workflow)");
        }

        if (workflow is null)
        {
            return DoctorCheck.Skip(Name, $"{file} could not be read (see the workflows check)");
        }

        if (workflow.Push is not { } push)
        {
            return DoctorCheck.Fail(Name, $"{file} does not run on push, so pushing {nextTag} does not start it", $"add {wanted} to {file}");
        }

        if (push.Starts(nextTag))
        {
            var by = push.Tags is { } tags ? $"on.push.tags [{string.Join(", ", tags)}]" : "on.push (no tag filter)";
            return DoctorCheck.Pass(Name, $"the next tag {nextTag} starts {file} ({by})");
        }

        var filter = push.Tags is { } list ? $"on.push.tags [{string.Join(", ", list)}]"
            : push.TagsIgnore is not null ? "on.push.tags-ignore" : "on.push, which filters branches only";
        return DoctorCheck.Fail(Name, $"the next tag {nextTag} does not match {filter} in {file}:{push.Line}, so pushing it starts no release",
            $"set {wanted} in {file} (or tag.prefix in slipway.yml to the prefix the workflow expects)");
    }
}
