using Slipway.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Configuration;

/// <summary>Reads one YAML mapping of slipway.yml, key by key, and reports unknown keys and bad values with file, line and key.</summary>
public sealed class YamlNodeReader
{
    private readonly YamlMappingNode _mapping;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public YamlNodeReader(string file, string path, YamlMappingNode mapping)
    {
        File = file;
        Path = path;
        _mapping = mapping;
    }

    public string File { get; }

    /// <summary>The dotted key path of this mapping ("" at the root).</summary>
    public string Path { get; }

    public static SlipwayException Error(string file, YamlNode node, string key, string problem, string? fix = null) =>
        new(SlipwayError.Usage($"{file}:{node.Start.Line}: {key}: {problem}", fix ?? $"fix '{key}' in {file}"));

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The node under <paramref name="key"/>, or null when absent or written as null.</summary>
    public YamlNode? Node(string key)
    {
        _known.Add(key);
        return _mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && !IsNull(node) ? node : null;
    }

    public string? Text(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        return node is YamlScalarNode scalar
            ? scalar.Value ?? string.Empty
            : throw Error(File, node, KeyPath(key), "expected a single value, not a list or mapping");
    }

    public bool? Bool(string key)
    {
        var text = Text(key);
        return text switch
        {
            null => null,
            "true" or "True" or "TRUE" or "yes" or "on" => true,
            "false" or "False" or "FALSE" or "no" or "off" => false,
            _ => throw Error(File, Node(key)!, KeyPath(key), $"'{text}' is not true or false"),
        };
    }

    public int? Number(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(File, Node(key)!, KeyPath(key), $"'{text}' is not a whole number between {min} and {max}");
    }

    /// <summary>One of the allowed words, compared exactly.</summary>
    public string? Choice(string key, params string[] allowed)
    {
        var text = Text(key);
        return text is null || allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw Error(File, Node(key)!, KeyPath(key), $"'{text}' is not one of {string.Join(", ", allowed)}");
    }

    /// <summary>A list of scalars; a single scalar counts as a list of one.</summary>
    public IReadOnlyList<string>? StringList(string key)
    {
        var node = Node(key);
        return node switch
        {
            null => null,
            YamlScalarNode scalar => [scalar.Value ?? string.Empty],
            YamlSequenceNode sequence => sequence.Children.Select(child => child is YamlScalarNode s
                ? s.Value ?? string.Empty
                : throw Error(File, child, KeyPath(key), "expected a list of single values")).ToList(),
            _ => throw Error(File, node, KeyPath(key), "expected a list"),
        };
    }

    /// <summary>A nested mapping as its own reader, or null when absent.</summary>
    public YamlNodeReader? Mapping(string key)
    {
        var node = Node(key);
        return node switch
        {
            null => null,
            YamlMappingNode mapping => new YamlNodeReader(File, KeyPath(key), mapping),
            _ => throw Error(File, node, KeyPath(key), "expected a mapping (key: value lines)"),
        };
    }

    /// <summary>The entries of a mapping whose keys are names chosen by the user (e.g. environments).</summary>
    public IEnumerable<(string Name, YamlNodeReader Reader)> NamedMappings()
    {
        foreach (var (keyNode, value) in _mapping.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            _known.Add(name);
            if (value is not YamlMappingNode mapping)
            {
                throw Error(File, value, KeyPath(name), "expected a mapping (key: value lines)");
            }

            yield return (name, new YamlNodeReader(File, KeyPath(name), mapping));
        }
    }

    /// <summary>A list whose items are mappings, each as its own reader.</summary>
    public IReadOnlyList<YamlNodeReader>? MappingList(string key)
    {
        var node = Node(key);
        return node switch
        {
            null => null,
            YamlSequenceNode sequence => sequence.Children.Select((child, i) => child is YamlMappingNode m
                ? new YamlNodeReader(File, $"{KeyPath(key)}[{i}]", m)
                : throw Error(File, child, $"{KeyPath(key)}[{i}]", "expected a mapping (key: value lines)")).ToList(),
            _ => throw Error(File, node, KeyPath(key), "expected a list"),
        };
    }

    public YamlNode Where => _mapping;

    /// <summary>Fails on the first key that no reader asked for: a typo must not be silently ignored.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (keyNode, _) in _mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? keyNode.ToString();
            if (!_known.Contains(name))
            {
                throw Error(File, keyNode, KeyPath(name), "unknown key",
                    $"remove it or use one of: {string.Join(", ", _known.Order(StringComparer.Ordinal))}");
            }
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
