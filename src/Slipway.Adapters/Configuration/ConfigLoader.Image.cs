using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Images;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Configuration;

public static partial class ConfigLoader
{
    private static ImageConfig ReadImage(YamlNodeReader? reader)
    {
        var defaults = new ImageConfig();
        if (reader is null)
        {
            return defaults;
        }

        var name = reader.Text("name");
        var names = reader.StringList("names");
        if (name is not null && names is not null)
        {
            throw YamlNodeReader.Error(reader.File, reader.Node("names")!, reader.KeyPath("names"), "name and names are both set", "keep one: name for one image, names for several");
        }

        var config = new ImageConfig
        {
            Names = name is not null ? [name] : names ?? [],
            Tags = Lines(reader, "tags") is { } tags ? string.Join('\n', tags) : defaults.Tags,
            Flavor = Lines(reader, "flavor") ?? [],
            Labels = Lines(reader, "labels") ?? [],
            Insecure = reader.Bool("insecure") ?? false,
            Source = reader.Text("source") ?? ImageConfig.DefaultSource,
            Scan = reader.Mapping("scan") is { } scan ? ReadImageScan(scan) : null,
        };

        if (config.Scan is not null && config.Names.Count == 0)
        {
            throw YamlNodeReader.Error(reader.File, reader.Node("scan")!, reader.KeyPath("scan"), "needs the image to scan",
                "add image.name (registry/owner/name) beside scan:");
        }

        foreach (var image in config.Names)
        {
            if (image.Length == 0 || image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw YamlNodeReader.Error(reader.File, reader.Node(name is not null ? "name" : "names")!, reader.KeyPath(name is not null ? "name" : "names"),
                    $"'{image}' is not an image name", "write it as registry/owner/name, e.g. ghcr.io/owner/app");
            }
        }

        // Rules are checked now, so a typo is reported with its file and line rather than at release time.
        try
        {
            _ = config.Rules();
        }
        catch (SlipwayException e)
        {
            var key = e.Error.Message.StartsWith("image flavor", StringComparison.Ordinal) ? "flavor"
                : e.Error.Message.StartsWith("image '", StringComparison.Ordinal) ? (name is not null ? "name" : "names")
                : "tags";
            throw YamlNodeReader.Error(reader.File, reader.Node(key) ?? reader.Where, reader.KeyPath(key), e.Error.Message, e.Error.Fix);
        }

        if (reader.Node("source") is { } sourceNode)
        {
            IReadOnlyList<ImageTagRule> rules;
            try
            {
                rules = config.Source.Contains('\n', StringComparison.Ordinal) ? [] : ImageTagRules.Parse(config.Source);
            }
            catch (SlipwayException e)
            {
                throw YamlNodeReader.Error(reader.File, sourceNode, reader.KeyPath("source"), e.Error.Message, e.Error.Fix);
            }

            if (rules.Count != 1)
            {
                throw YamlNodeReader.Error(reader.File, sourceNode, reader.KeyPath("source"), "expected one tag rule",
                    "write the rule that names the image built for a commit, e.g. source: type=sha,prefix={{branch}}-");
            }
        }

        reader.RejectUnknownKeys();
        return config;
    }

    /// <summary>A multi-line string (one entry per line) or a list of strings.</summary>
    private static IReadOnlyList<string>? Lines(YamlNodeReader reader, string key) => reader.Node(key) switch
    {
        null => null,
        YamlScalarNode scalar => [.. (scalar.Value ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))],
        _ => reader.StringList(key),
    };
}
