using System.Globalization;
using Slipway.Core.Errors;

namespace Slipway.Core.Images;

/// <summary>One line of metadata-action's `tags:` input, e.g. `type=semver,pattern=v{{major}}.{{minor}}`, with its defaults applied.</summary>
public sealed class ImageTagRule
{
    private readonly Dictionary<string, string> _attributes;

    private ImageTagRule(ImageTagRuleType type, Dictionary<string, string> attributes, string text)
    {
        Type = type;
        _attributes = attributes;
        Text = text;
    }

    private static readonly Dictionary<string, ImageTagRuleType> TypeNames = new(StringComparer.Ordinal)
    {
        ["schedule"] = ImageTagRuleType.Schedule,
        ["semver"] = ImageTagRuleType.Semver,
        ["pep440"] = ImageTagRuleType.Pep440,
        ["match"] = ImageTagRuleType.Match,
        ["edge"] = ImageTagRuleType.Edge,
        ["ref"] = ImageTagRuleType.Ref,
        ["raw"] = ImageTagRuleType.Raw,
        ["sha"] = ImageTagRuleType.Sha,
    };

    public ImageTagRuleType Type { get; }

    /// <summary>The line as written.</summary>
    public string Text { get; }

    /// <summary>Higher comes first; the defaults are metadata-action's (schedule 1000, semver/pep440 900, match 800, edge 700, ref 600, raw 200, sha 100).</summary>
    public double Priority =>
        double.TryParse(_attributes["priority"], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : double.NaN;

    /// <summary>An attribute's value (`pattern`, `value`, `prefix`, …) or null when the line does not set it and it has no default.</summary>
    public string? this[string name] => _attributes.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => _attributes.ContainsKey(name);

    /// <summary>The rules metadata-action applies when `tags:` is empty.</summary>
    public static IReadOnlyList<ImageTagRule> MetadataActionDefaults { get; } =
        [Parse("type=schedule"), Parse("type=ref,event=branch"), Parse("type=ref,event=tag"), Parse("type=ref,event=pr")];

    /// <summary>Parses one rule line; a bad line is a usage error that quotes it.</summary>
    public static ImageTagRule Parse(string line)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        ImageTagRuleType? type = null;
        foreach (var field in RuleFields.Split(line))
        {
            var (key, value) = RuleFields.KeyValue(field);
            if (key is null)
            {
                attributes["value"] = value;
            }
            else if (key == "type")
            {
                type = TypeNames.TryGetValue(value, out var t)
                    ? t
                    : throw Bad(line, $"unknown type '{value}'", "use one of schedule, semver, pep440, match, edge, ref, raw, sha");
            }
            else
            {
                attributes[key] = value;
            }
        }

        var ruleType = type ?? ImageTagRuleType.Raw;
        ApplyDefaults(ruleType, attributes, line);
        attributes.TryAdd("enable", "true");
        attributes.TryAdd("priority", DefaultPriority(ruleType));
        return new ImageTagRule(ruleType, attributes, line);
    }

    public override string ToString() => Text;

    private static void ApplyDefaults(ImageTagRuleType type, Dictionary<string, string> attributes, string line)
    {
        switch (type)
        {
            case ImageTagRuleType.Schedule:
                attributes.TryAdd("pattern", "nightly");
                break;
            case ImageTagRuleType.Semver or ImageTagRuleType.Pep440:
                Require(attributes, "pattern", line, "e.g. type=semver,pattern=v{{version}}");
                attributes.TryAdd("value", string.Empty);
                attributes.TryAdd("match", string.Empty);
                break;
            case ImageTagRuleType.Match:
                Require(attributes, "pattern", line, "e.g. type=match,pattern=v(.*),group=1");
                attributes.TryAdd("group", "0");
                if (!int.TryParse(attributes["group"], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw Bad(line, $"group '{attributes["group"]}' is not a number", "write group=0 for the whole match, group=1 for the first group");
                }

                attributes.TryAdd("value", string.Empty);
                break;
            case ImageTagRuleType.Edge:
                attributes.TryAdd("branch", string.Empty);
                break;
            case ImageTagRuleType.Ref:
                Require(attributes, "event", line, "e.g. type=ref,event=branch");
                if (attributes["event"] is not ("branch" or "tag" or "pr"))
                {
                    throw Bad(line, $"event '{attributes["event"]}' is not branch, tag or pr", "write event=branch, event=tag or event=pr");
                }

                if (attributes["event"] == "pr")
                {
                    attributes.TryAdd("prefix", "pr-");
                }

                break;
            case ImageTagRuleType.Raw:
                Require(attributes, "value", line, "e.g. type=raw,value=stable");
                break;
            case ImageTagRuleType.Sha:
                attributes.TryAdd("prefix", "sha-");
                attributes.TryAdd("format", "short");
                if (attributes["format"] is not ("short" or "long"))
                {
                    throw Bad(line, $"format '{attributes["format"]}' is not short or long", "write format=short or format=long");
                }

                break;
        }
    }

    private static string DefaultPriority(ImageTagRuleType type) => type switch
    {
        ImageTagRuleType.Schedule => "1000",
        ImageTagRuleType.Semver or ImageTagRuleType.Pep440 => "900",
        ImageTagRuleType.Match => "800",
        ImageTagRuleType.Edge => "700",
        ImageTagRuleType.Ref => "600",
        ImageTagRuleType.Raw => "200",
        _ => "100",
    };

    private static void Require(Dictionary<string, string> attributes, string name, string line, string example)
    {
        if (!attributes.ContainsKey(name))
        {
            throw Bad(line, $"it needs a {name} attribute", example);
        }
    }

    private static SlipwayException Bad(string line, string problem, string fix) =>
        new(SlipwayError.Usage($"image tag rule '{line}': {problem}", fix));
}
