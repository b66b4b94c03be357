using Slipway.Core.Changelog;
using Slipway.Core.Configuration;

namespace Slipway.Adapters.Configuration;

public static partial class ConfigLoader
{
    private static ChangelogConfig ReadChangelog(YamlNodeReader? reader)
    {
        var defaults = new ChangelogConfig();
        if (reader is null)
        {
            return defaults;
        }

        var file = RepositoryPath(reader, "file");
        var template = reader.Text("template");
        if (template is not null && ChangelogTemplates.BuiltIn(template) is null && !template.EndsWith(".liquid", StringComparison.OrdinalIgnoreCase))
        {
            throw YamlNodeReader.Error(reader.File, reader.Node("template")!, reader.KeyPath("template"),
                $"'{template}' is neither a built-in template nor a .liquid file",
                $"use one of {string.Join(", ", ChangelogTemplates.BuiltInNames)} or a path to a Liquid template ending in .liquid");
        }

        var sections = defaults.Sections;
        if (reader.MappingList("sections") is { } list)
        {
            sections = list.Select(ReadSection).ToList();
        }

        var contributors = reader.Bool("contributors") ?? defaults.Contributors;
        reader.RejectUnknownKeys();
        return new ChangelogConfig { File = file, Template = template, Sections = sections, Contributors = contributors };
    }

    private static ChangelogSection ReadSection(YamlNodeReader reader)
    {
        var title = reader.Text("title");
        var types = reader.StringList("types");
        if (string.IsNullOrWhiteSpace(title) || types is null || types.Count == 0 || types.Any(string.IsNullOrWhiteSpace))
        {
            throw YamlNodeReader.Error(reader.File, reader.Where, reader.Path, "a section needs a title and its commit types",
                "write it as { title: Added, types: [feat] }");
        }

        reader.RejectUnknownKeys();
        return new ChangelogSection(title.Trim(), types);
    }

    /// <summary>A path inside the repository: relative, without '..' (slipway writes these files).</summary>
    private static string? RepositoryPath(YamlNodeReader reader, string key)
    {
        var path = reader.Text(key);
        if (path is null)
        {
            return null;
        }

        if (path.Length == 0 || System.IO.Path.IsPathRooted(path) || path.Replace('\\', '/').Split('/').Contains("..") || path.Any(char.IsControl))
        {
            throw YamlNodeReader.Error(reader.File, reader.Node(key)!, reader.KeyPath(key), $"'{path}' is not a path inside the repository",
                "write it relative to the repository root, e.g. CHANGELOG.md or helm/app/Chart.yaml");
        }

        return path;
    }
}
