using Slipway.Core.Errors;

namespace Slipway.Core.Images;

/// <summary>An image to tag (e.g. ghcr.io/owner/app), lowercased as registries require; `name,enable=false` switches one off.</summary>
public sealed record ImageName(string Name, bool Enabled = true)
{
    /// <summary>Parses metadata-action's `images:` lines: plain names (also comma-separated on one line) or `name=…,enable=…`.</summary>
    public static IReadOnlyList<ImageName> ParseList(IReadOnlyList<string> lines)
    {
        if (lines.Count == 1 && RuleFields.Split(lines[0]).All(f => !f.Contains('=', StringComparison.Ordinal)))
        {
            return RuleFields.Split(lines[0]).Select(f => f.Trim()).Where(f => f.Length > 0).Select(f => new ImageName(f.ToLowerInvariant())).ToList();
        }

        var images = new List<ImageName>();
        foreach (var line in lines)
        {
            string name = string.Empty;
            var enabled = true;
            foreach (var field in RuleFields.Split(line))
            {
                var parts = field.Split('=');
                if (parts.Length == 1)
                {
                    name = parts[0].Trim();
                    continue;
                }

                var value = parts[1].Trim();
                switch (parts[0].Trim().ToLowerInvariant())
                {
                    case "name":
                        name = value;
                        break;
                    case "enable":
                        enabled = value switch
                        {
                            "true" => true,
                            "false" => false,
                            _ => throw Bad(line, $"enable={value} is not true or false"),
                        };
                        break;
                    default:
                        throw Bad(line, $"unknown attribute '{parts[0].Trim()}'");
                }
            }

            images.Add(name.Length > 0 ? new ImageName(name.ToLowerInvariant(), enabled) : throw Bad(line, "the name is empty"));
        }

        return images;
    }

    public override string ToString() => Name;

    private static SlipwayException Bad(string line, string problem) =>
        new(SlipwayError.Usage($"image '{line}': {problem}", "write the image as a name (ghcr.io/owner/app) or name=…,enable=true|false"));
}
