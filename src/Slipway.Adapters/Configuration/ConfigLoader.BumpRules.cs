using Slipway.Core.Versioning;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Configuration;

/// <summary>versioning.rules: { breaking: major, feat: minor, fix: patch, docs: patch } over the preset's table.</summary>
public static partial class ConfigLoader
{
    private static readonly string[] BumpValues = ["major", "minor", "patch", "none"];

    private static Dictionary<string, BumpKind>? ReadBumpRules(YamlNodeReader versioning, string key)
    {
        var node = versioning.Node(key);
        if (node is null)
        {
            return null;
        }

        var path = versioning.KeyPath(key);
        if (node is not YamlMappingNode mapping)
        {
            throw YamlNodeReader.Error(versioning.File, node, path, "expected a mapping of commit type to bump",
                "write it as { breaking: major, feat: minor, fix: patch }");
        }

        var rules = new Dictionary<string, BumpKind>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var type = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var typePath = $"{path}.{type}";
            if (type.Length == 0 || type.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ':' or '(' or ')' or '!'))
            {
                throw YamlNodeReader.Error(versioning.File, keyNode, typePath, $"'{type}' is not a commit type",
                    "use a commit type such as feat, fix, docs, or 'breaking' for breaking changes");
            }

            var value = (valueNode as YamlScalarNode)?.Value;
            rules[type] = value switch
            {
                "major" => BumpKind.Major,
                "minor" => BumpKind.Minor,
                "patch" => BumpKind.Patch,
                "none" => BumpKind.None,
                _ => throw YamlNodeReader.Error(versioning.File, valueNode, typePath,
                    $"'{value ?? valueNode.ToString()}' is not a bump", $"use one of {string.Join(", ", BumpValues)}"),
            };
        }

        return rules;
    }
}
