using Slipway.Core.Gates;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Configuration;

/// <summary>`release.gates`: built-in gate names (ci_green, breaking_documented, reviewed) and the user's own `{name, run: [...]}`.</summary>
public static partial class ConfigLoader
{
    private static readonly string GateChoices = $"use {string.Join(", ", ReleaseGate.BuiltIn.Keys)}, or {{ name: NAME, run: [COMMAND, ARG...] }}";

    private static List<ReleaseGate> ReadReleaseGates(YamlNodeReader release)
    {
        var node = release.Node("gates");
        if (node is null)
        {
            return [];
        }

        var key = release.KeyPath("gates");
        if (node is not YamlSequenceNode sequence)
        {
            throw YamlNodeReader.Error(release.File, node, key, "expected a list of gates", GateChoices);
        }

        var gates = new List<ReleaseGate>();
        foreach (var (item, i) in sequence.Children.Select((item, i) => (item, i)))
        {
            var path = $"{key}[{i}]";
            var gate = item switch
            {
                YamlScalarNode { Value: { } name } when ReleaseGate.BuiltIn.TryGetValue(name, out var kind) => new ReleaseGate(name, kind),
                YamlScalarNode scalar => throw YamlNodeReader.Error(release.File, item, path, $"'{scalar.Value}' is not a release gate", GateChoices),
                YamlMappingNode mapping => ReadReleaseGate(new YamlNodeReader(release.File, path, mapping)),
                _ => throw YamlNodeReader.Error(release.File, item, path, "expected a gate name or a mapping", GateChoices),
            };
            if (gates.Any(g => g.Name == gate.Name))
            {
                throw YamlNodeReader.Error(release.File, item, path, $"the gate '{gate.Name}' is listed twice", "list each gate once");
            }

            gates.Add(gate);
        }

        return gates;
    }

    private static ReleaseGate ReadReleaseGate(YamlNodeReader gate)
    {
        var name = gate.Text("name") ?? throw Missing(gate, "name", $"{string.Join(", ", ReleaseGate.BuiltIn.Keys)}, or your own gate's name");
        if (!ReleaseGate.BuiltIn.TryGetValue(name, out var kind))
        {
            if (!HasKey(gate, "run"))
            {
                throw YamlNodeReader.Error(gate.File, gate.Node("name")!, gate.KeyPath("name"), $"'{name}' is not a built-in gate and has no run:", GateChoices);
            }

            var command = ReadGate(gate);
            return new ReleaseGate(command.Name, ReleaseGateKind.Command) { Command = command };
        }

        if (HasKey(gate, "run"))
        {
            throw YamlNodeReader.Error(gate.File, gate.Where, gate.KeyPath("run"), $"{name} is a built-in gate, it runs no command", "remove run:, or give your gate another name");
        }

        var result = new ReleaseGate(name, kind);
        if (kind == ReleaseGateKind.BreakingDocumented && gate.StringList("paths") is { } paths)
        {
            if (paths.Count == 0 || paths.Any(p => p.Length == 0 || p.StartsWith('/') || p.Contains('\\', StringComparison.Ordinal) || p.Split('/').Contains("..")))
            {
                throw YamlNodeReader.Error(gate.File, gate.Node("paths")!, gate.KeyPath("paths"), "expected repository-relative paths",
                    "write them like [MIGRATION.md, docs/migration/] (a folder ends in '/')");
            }

            result = result with { MigrationPaths = paths };
        }

        gate.RejectUnknownKeys();
        return result;
    }

    /// <summary>Whether the mapping has the key, without marking it as one the loader reads (run: is refused on a built-in gate).</summary>
    private static bool HasKey(YamlNodeReader reader, string key) =>
        ((YamlMappingNode)reader.Where).Children.ContainsKey(new YamlScalarNode(key));
}
