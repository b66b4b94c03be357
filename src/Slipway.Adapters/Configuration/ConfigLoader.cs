using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Git;
using Slipway.Core.Versioning;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Configuration;

/// <summary>Loads slipway.yml: every key optional, unknown keys and bad values are errors with file, line and key (exit 2).</summary>
/// <remarks>Each section has its own reader method (in this file or a partial beside it); the root lists them.</remarks>
public static partial class ConfigLoader
{
    public const string FileName = "slipway.yml";

    /// <summary>Loads slipway.yml from <paramref name="directory"/>, or the defaults when there is none.</summary>
    public static SlipwayConfig LoadFrom(string directory)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        return File.Exists(path) ? Load(path) : SlipwayConfig.Default;
    }

    /// <summary>
    /// The slipway.yml a command run in <paramref name="directory"/> reads: the directory's own, else the one at the repository's
    /// <paramref name="topLevel"/>; null when neither exists (the defaults apply).
    /// </summary>
    public static string? Find(string directory, string topLevel)
    {
        var own = System.IO.Path.Combine(directory, FileName);
        var top = System.IO.Path.Combine(topLevel, FileName);
        return File.Exists(own) ? own : File.Exists(top) ? top : null;
    }

    /// <summary>The slipway.yml a command run in <paramref name="directory"/> reads (<see cref="Find"/>), or the defaults when there is none.</summary>
    public static SlipwayConfig LoadFor(string directory, string topLevel) =>
        Find(directory, topLevel) is { } path ? Load(path) : SlipwayConfig.Default;

    public static SlipwayConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new SlipwayException(SlipwayError.Usage($"{path}: cannot be read ({e.Message})", "check the file's permissions"));
        }

        var config = Parse(text, System.IO.Path.GetFileName(path)) with { Source = path };
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        if (config.Packages.FirstOrDefault(p => !Directory.Exists(System.IO.Path.Combine(directory, p.Path))) is { } missing)
        {
            throw new SlipwayException(SlipwayError.Usage($"{System.IO.Path.GetFileName(path)}: packages: {missing.Name}: path '{missing.Path}' does not exist",
                $"fix the path of package {missing.Name} (relative to the repository root), or create the folder"));
        }

        return config;
    }

    public static SlipwayConfig Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SlipwayException(SlipwayError.Usage(
                $"{file}:{e.Start.Line}: not valid YAML ({SlipwayError.Flatten(e.InnerException?.Message ?? e.Message)})", $"fix the YAML syntax in {file}"));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return SlipwayConfig.Default;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode rootNode)
        {
            throw YamlNodeReader.Error(file, stream.Documents[0].RootNode, "(root)", "expected a mapping of keys such as branch, tag, versioning");
        }

        var root = new YamlNodeReader(file, string.Empty, rootNode);
        var packages = ReadPackages(root);
        var config = new SlipwayConfig
        {
            Packages = packages,
            Groups = ReadGroups(root, packages),
            Branches = ReadBranches(root, "branch") ?? SlipwayConfig.Default.Branches,
            Remote = ReadRemoteName(root, "remote") ?? SlipwayConfig.Default.Remote,
            Tag = ReadTag(root.Mapping("tag")),
            Versioning = ReadVersioning(root.Mapping("versioning")),
            Image = ReadImage(root.Mapping("image")),
            Release = ReadRelease(root.Mapping("release")),
            ReleasePr = ReadReleasePr(root.Mapping("release_pr")),
            Environments = ReadEnvironments(root.Mapping("environments")),
            Changelog = ReadChangelog(root.Mapping("changelog")),
            BumpFiles = ReadBumpFiles(root),
            Notify = ReadNotify(root, "notify"),
        };
        root.RejectUnknownKeys();
        return config;
    }

    private static string? ReadRemoteName(YamlNodeReader reader, string key)
    {
        var value = reader.Text(key);
        if (value is not null && (RefName.Problem(value) is not null || value.Contains('/', StringComparison.Ordinal)))
        {
            throw YamlNodeReader.Error(reader.File, reader.Node(key)!, reader.KeyPath(key), $"'{value}' is not a git remote name",
                "use the name `git remote` prints, e.g. origin");
        }

        return value;
    }

    private static TagConfig ReadTag(YamlNodeReader? reader)
    {
        if (reader is null)
        {
            return new TagConfig();
        }

        // One prefix, or a list (a history whose tag style changed): new tags get the first.
        var prefixes = reader.StringList("prefix");
        if (prefixes is { Count: 0 })
        {
            throw YamlNodeReader.Error(reader.File, reader.Node("prefix")!, reader.KeyPath("prefix"),
                "the list of tag prefixes is empty", "give at least one, e.g. prefix: v (or prefix: [v, ''])");
        }

        foreach (var prefix in prefixes ?? [])
        {
            if (RefName.Problem(prefix + "1.0.0") is not null)
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("prefix")!, reader.KeyPath("prefix"),
                    $"'{prefix}' cannot start a git tag name", "use letters, digits, '-', '_', '.' or '/' (e.g. v or release/)");
            }
        }

        reader.RejectUnknownKeys();
        return prefixes is null ? new TagConfig() : new TagConfig { Prefixes = prefixes.Distinct(StringComparer.Ordinal).ToList(), Configured = true };
    }

    private static VersioningConfig ReadVersioning(YamlNodeReader? reader)
    {
        var defaults = new VersioningConfig();
        if (reader is null)
        {
            return defaults;
        }

        var initialText = reader.Text("initial");
        var initial = defaults.Initial;
        if (initialText is not null && !SemanticVersion.TryParse(initialText, out initial, out var why))
        {
            throw YamlNodeReader.Error(reader.File, reader.Node("initial")!, reader.KeyPath("initial"),
                $"'{initialText}' is not a semantic version ({why})", "write it as MAJOR.MINOR.PATCH, e.g. 0.1.0");
        }

        var bumpText = reader.Choice("bump", "manual", "conventional");
        var bump = bumpText switch
        {
            "conventional" => BumpStrategy.Conventional,
            _ => BumpStrategy.Manual,
        };
        var preset = reader.Choice("preset", "conventionalcommits", "angular", "release-please") ?? defaults.Preset;
        var rules = ReadBumpRules(reader, "rules") ?? defaults.Rules;
        var preMajor = new PreMajorRules(
            BreakingBumpsMinor: reader.Bool("breaking_bumps_minor_before_1_0") ?? defaults.PreMajor.BreakingBumpsMinor,
            FeatBumpsPatch: reader.Bool("feat_bumps_patch_before_1_0") ?? defaults.PreMajor.FeatBumpsPatch);
        reader.RejectUnknownKeys();
        return new VersioningConfig { Initial = initial, Bump = bump, BumpConfigured = bumpText is not null, Preset = preset, Rules = rules, PreMajor = preMajor };
    }
}
