using Slipway.Core.BumpFiles;

namespace Slipway.Adapters.Configuration;

public static partial class ConfigLoader
{
    private static List<BumpFile> ReadBumpFiles(YamlNodeReader root)
    {
        var list = root.MappingList("bump_files");
        if (list is null)
        {
            return [];
        }

        var files = new List<BumpFile>();
        foreach (var reader in list)
        {
            var path = RepositoryPath(reader, "path") ?? throw YamlNodeReader.Error(reader.File, reader.Where, reader.KeyPath("path"),
                "missing", "give the file, e.g. { path: pyproject.toml, key: project.version }");
            var key = reader.Text("key");
            var pattern = reader.Text("pattern");
            if (key is not null && pattern is not null)
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("pattern")!, reader.KeyPath("pattern"), "give key or pattern, not both",
                    "keep key for a known file kind, pattern for any other");
            }

            if (pattern is not null && PatternValueLocator.Problem(pattern) is { } problem)
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("pattern")!, reader.KeyPath("pattern"), problem,
                    "e.g. pattern: '^__version__ = \"([^\"]+)\"'");
            }

            var file = new BumpFile(path, key, pattern);
            try
            {
                var kind = VersionFileEditor.KindOf(file);
                if (key is null && pattern is null && VersionFileEditor.DefaultKey(kind) is null)
                {
                    throw YamlNodeReader.Error(reader.File, reader.Where, reader.KeyPath("key"), $"{path} needs a key",
                        "e.g. key: project.version (pyproject.toml) or key: appVersion (Chart.yaml)");
                }
            }
            catch (Core.Errors.SlipwayException e) when (e.Error.Message.StartsWith("bump_files:", StringComparison.Ordinal))
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("path")!, reader.KeyPath("path"), e.Error.Message["bump_files: ".Length..], e.Error.Fix);
            }

            reader.RejectUnknownKeys();
            files.Add(file);
        }

        return files;
    }
}
