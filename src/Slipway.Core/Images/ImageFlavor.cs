using Slipway.Core.Errors;

namespace Slipway.Core.Images;

/// <summary>Whether `latest` is added, and the prefix/suffix every tag gets (metadata-action's `flavor:` input).</summary>
public sealed record ImageFlavor
{
    public static readonly ImageFlavor Default = new();

    /// <summary>auto (latest for releases), true (always) or false (never).</summary>
    public LatestMode Latest { get; init; } = LatestMode.Auto;

    public string Prefix { get; init; } = string.Empty;

    /// <summary>Whether `latest` also gets the prefix (`prefix=…,onlatest=true`).</summary>
    public bool PrefixOnLatest { get; init; }

    public string Suffix { get; init; } = string.Empty;

    public bool SuffixOnLatest { get; init; }

    /// <summary>Parses flavor lines such as `latest=auto`, `prefix=foo-,onlatest=true`, `suffix=-alpine`.</summary>
    public static ImageFlavor Parse(IEnumerable<string> lines)
    {
        var flavor = Default;
        foreach (var line in lines)
        {
            string? onLatestFor = null;
            foreach (var field in RuleFields.Split(line))
            {
                var parts = field.Split('=');
                if (parts.Length == 1)
                {
                    throw Bad(line, "expected key=value", "write e.g. latest=auto, prefix=foo-, suffix=-bar");
                }

                var key = parts[0].Trim().ToLowerInvariant();
                var value = parts[1].Trim();
                switch (key)
                {
                    case "latest":
                        flavor = flavor with
                        {
                            Latest = value switch
                            {
                                "auto" => LatestMode.Auto,
                                "true" => LatestMode.Always,
                                "false" => LatestMode.Never,
                                _ => throw Bad(line, $"latest={value} is not auto, true or false", "write latest=auto, latest=true or latest=false"),
                            },
                        };
                        break;
                    case "prefix":
                        flavor = flavor with { Prefix = value };
                        onLatestFor = key;
                        break;
                    case "suffix":
                        flavor = flavor with { Suffix = value };
                        onLatestFor = key;
                        break;
                    case "onlatest":
                        var on = value switch
                        {
                            "true" => true,
                            "false" => false,
                            _ => throw Bad(line, $"onlatest={value} is not true or false", "write onlatest=true or onlatest=false"),
                        };
                        flavor = onLatestFor switch
                        {
                            "prefix" => flavor with { PrefixOnLatest = on },
                            "suffix" => flavor with { SuffixOnLatest = on },
                            _ => flavor,
                        };
                        break;
                    default:
                        throw Bad(line, $"unknown key '{key}'", "use latest, prefix, suffix or onlatest");
                }
            }
        }

        return flavor;
    }

    private static SlipwayException Bad(string line, string problem, string fix) =>
        new(SlipwayError.Usage($"image flavor '{line}': {problem}", fix));
}
