using Slipway.Core.Configuration;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Configuration;

public static partial class ConfigLoader
{
    /// <summary>`branch:` as one name, or a list of names, globs and mappings ({ name, range, prerelease }).</summary>
    private static List<BranchRule>? ReadBranches(YamlNodeReader root, string key)
    {
        var node = root.Node(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return [new BranchRule(BranchPatternOf(root.File, scalar, root.KeyPath(key)))];
            case YamlSequenceNode { Children.Count: 0 }:
                throw YamlNodeReader.Error(root.File, node, root.KeyPath(key), "the list of release branches is empty",
                    "give at least one, e.g. branch: [main, 'release-*']");
            case YamlSequenceNode sequence:
                return [.. sequence.Children.Select((child, i) => ReadBranchRule(root.File, child, $"{root.KeyPath(key)}[{i}]"))];
            default:
                throw YamlNodeReader.Error(root.File, node, root.KeyPath(key), "expected a branch name or a list of them");
        }
    }

    private static BranchRule ReadBranchRule(string file, YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar)
        {
            return new BranchRule(BranchPatternOf(file, scalar, path));
        }

        if (node is not YamlMappingNode mapping)
        {
            throw YamlNodeReader.Error(file, node, path, "expected a branch name or a mapping { name: ..., range: ..., prerelease: ... }");
        }

        var reader = new YamlNodeReader(file, path, mapping);
        var nameNode = reader.Node("name") as YamlScalarNode ?? throw YamlNodeReader.Error(file, reader.Node("name") ?? mapping, reader.KeyPath("name"),
            reader.Node("name") is null ? "missing" : "expected a single value", "give the branch's name or glob, e.g. { name: next, prerelease: rc }");
        var pattern = BranchPatternOf(file, nameNode, reader.KeyPath("name"));
        VersionRange? range = null;
        if (reader.Text("range") is { } rangeText && !VersionRange.TryParse(rangeText, out range, out var why))
        {
            throw YamlNodeReader.Error(file, reader.Node("range")!, reader.KeyPath("range"), $"'{rangeText}' is not a version range ({why})",
                "e.g. range: 1.x (>=1.0.0 <2.0.0), range: 1.4.x (>=1.4.0 <1.5.0) or range: '>=1.2.0 <1.5.0'");
        }

        var (prerelease, prereleaseSet) = ReadPrerelease(reader, pattern);
        reader.RejectUnknownKeys();
        return new BranchRule(pattern, range, prerelease, prereleaseSet);
    }

    /// <summary>`prerelease:` true (the branch's name is the identifier), false, or the identifier itself.</summary>
    private static (string? Id, bool Set) ReadPrerelease(YamlNodeReader reader, string pattern)
    {
        var text = reader.Text("prerelease");
        switch (text)
        {
            case null:
                return (null, false);
            case "false" or "False" or "FALSE" or "no" or "off":
                return (null, true);
            case "true" or "True" or "TRUE" or "yes" or "on":
                if (BranchPattern.IsGlob(pattern) || !IsPrereleaseId(pattern))
                {
                    throw YamlNodeReader.Error(reader.File, reader.Node("prerelease")!, reader.KeyPath("prerelease"),
                        $"prerelease: true takes the branch's name as the identifier, and '{pattern}' is not one (letters, digits and '-')",
                        "write the identifier instead, e.g. prerelease: rc");
                }

                return (pattern, true);
            default:
                return IsPrereleaseId(text)
                    ? (text, true)
                    : throw YamlNodeReader.Error(reader.File, reader.Node("prerelease")!, reader.KeyPath("prerelease"),
                        $"'{text}' is not a prerelease identifier (letters, digits and '-', no dots)", "e.g. prerelease: rc (1.3.0-rc.1)");
        }
    }

    private static bool IsPrereleaseId(string id) =>
        !id.Contains('.', StringComparison.Ordinal) && SemanticVersion.TryParse("0.0.0-" + id, out var v) && v.Prerelease.Length == 1;

    private static string BranchPatternOf(string file, YamlScalarNode node, string path)
    {
        var value = node.Value ?? string.Empty;
        return BranchPattern.Problem(value) is { } problem
            ? throw YamlNodeReader.Error(file, node, path, $"'{value}' is not a valid branch name or glob: {problem}",
                "use the branch's name as git shows it (main) or a glob of *, ? and +([0-9]) (release-*, +([0-9]).x)")
            : value;
    }
}
