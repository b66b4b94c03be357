using Slipway.Core.Doctor;
using Slipway.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Actions;

/// <summary>Reads a GitHub Actions workflow file into <see cref="Workflow"/>: what it is not (not YAML, not a mapping) is a problem with file and line, never an exception.</summary>
public static class WorkflowReader
{
    /// <summary>The workflows under <paramref name="root"/>/.github/workflows (*.yml, *.yaml), by name.</summary>
    public static IReadOnlyList<string> Files(string root)
    {
        var directory = Path.Combine(root, ".github", "workflows");
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <param name="path">The file to read.</param>
    /// <param name="shown">Its name in problems (.github/workflows/release.yml).</param>
    public static WorkflowRead Read(string path, string shown)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new WorkflowRead(shown, null, $"{shown}: cannot be read ({e.Message})");
        }

        return Parse(text, shown);
    }

    public static WorkflowRead Parse(string text, string shown)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return new WorkflowRead(shown, null, $"{shown}:{e.Start.Line}: not valid YAML ({SlipwayError.Flatten(e.InnerException?.Message ?? e.Message)})");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count == 0 ? 1 : stream.Documents[0].RootNode.Start.Line;
            return new WorkflowRead(shown, null, $"{shown}:{line}: not a workflow (expected a mapping with on: and jobs:)");
        }

        var on = Child(root, "on");
        var events = on switch
        {
            YamlScalarNode { Value: { Length: > 0 } name } => [new Located(name, on.Start.Line)],
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(e => new Located(e.Value ?? string.Empty, e.Start.Line)).ToList(),
            YamlMappingNode map => map.Children.Select(c => new Located(((YamlScalarNode)c.Key).Value ?? string.Empty, c.Key.Start.Line)).ToList(),
            _ => new List<Located>(),
        };
        var push = events.Any(e => e.Name == "push") ? Push(on as YamlMappingNode, events.First(e => e.Name == "push").Line) : null;
        var jobs = Child(root, "jobs") is YamlMappingNode jobMap
            ? jobMap.Children.Select(j => Job(((YamlScalarNode)j.Key).Value ?? string.Empty, j.Key.Start.Line, j.Value as YamlMappingNode)).ToList()
            : [];
        return new WorkflowRead(shown, new Workflow(shown, events, push, Permissions(root), jobs), null);
    }

    private static PushFilter Push(YamlMappingNode? on, long line)
    {
        if (on is null || Child(on, "push") is not YamlMappingNode push)
        {
            return new PushFilter(null, null, FiltersBranches: false, line);
        }

        return new PushFilter(Strings(Child(push, "tags")), Strings(Child(push, "tags-ignore")),
            Child(push, "branches") is not null || Child(push, "branches-ignore") is not null, Child(push, "tags")?.Start.Line ?? line);
    }

    private static WorkflowJob Job(string id, long line, YamlMappingNode? job)
    {
        if (job is null)
        {
            return new WorkflowJob(id, line, HasRunsOn: false, CallsWorkflow: false, [], null, []);
        }

        var needs = Child(job, "needs") switch
        {
            YamlScalarNode { Value: { Length: > 0 } one } scalar => [new Located(one, scalar.Start.Line)],
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(n => new Located(n.Value ?? string.Empty, n.Start.Line)).ToList(),
            _ => new List<Located>(),
        };
        var steps = Child(job, "steps") is YamlSequenceNode list2 ? list2.Children.OfType<YamlMappingNode>().Select(Step).ToList() : [];
        return new WorkflowJob(id, line, Child(job, "runs-on") is not null, Child(job, "uses") is not null, needs, Permissions(job), steps);
    }

    private static WorkflowStep Step(YamlMappingNode step)
    {
        var with = Child(step, "with") is YamlMappingNode map
            ? map.Children.Where(c => c.Key is YamlScalarNode && c.Value is YamlScalarNode)
                .ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? string.Empty, c => ((YamlScalarNode)c.Value).Value ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new WorkflowStep(step.Start.Line, Scalar(Child(step, "uses")), Scalar(Child(step, "run")), with);
    }

    /// <summary>The `permissions:` of a workflow or job, with the line of its key.</summary>
    private static TokenPermissions? Permissions(YamlMappingNode owner)
    {
        var line = owner.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "permissions" })?.Start.Line ?? 0;
        return Child(owner, "permissions") switch
        {
            YamlScalarNode { Value: { Length: > 0 } all } => new TokenPermissions(all, new Dictionary<string, string>(StringComparer.Ordinal), line),
            YamlMappingNode map => new TokenPermissions(null, map.Children.Where(c => c.Key is YamlScalarNode && c.Value is YamlScalarNode)
                .ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? string.Empty, c => ((YamlScalarNode)c.Value).Value ?? string.Empty, StringComparer.Ordinal), line),
            _ => null,
        };
    }

    private static List<string>? Strings(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } one } => [one],
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList(),
        _ => null,
    };

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is not YamlScalarNode { Value: null or "" or "~" or "null" } ? node : null;
}

/// <summary>A workflow file read: the workflow, or the problem that stopped the reading (file:line: what).</summary>
public sealed record WorkflowRead(string File, Workflow? Workflow, string? Problem);
