using Slipway.Core.Errors;

namespace Slipway.Core.BumpFiles;

/// <summary>Writes a version into a file's text by editing only the value's characters: comments, order, quoting and layout stay.</summary>
public static class VersionFileEditor
{
    /// <summary>The file kind for a bump file, or an error naming the file when neither its name nor a pattern says how to read it.</summary>
    public static VersionFileKind KindOf(BumpFile file)
    {
        if (file.Pattern is not null)
        {
            return VersionFileKind.Pattern;
        }

        var name = System.IO.Path.GetFileName(file.Path).ToLowerInvariant();
        return System.IO.Path.GetExtension(name) switch
        {
            ".toml" => VersionFileKind.Toml,
            ".yaml" or ".yml" => VersionFileKind.Yaml,
            ".json" => VersionFileKind.Json,
            ".csproj" or ".fsproj" or ".vbproj" or ".props" or ".targets" => VersionFileKind.Xml,
            _ => throw new SlipwayException(SlipwayError.Usage(
                $"bump_files: {file.Path}: slipway does not know how to find a version in this kind of file",
                "give a pattern with one capture group, e.g. { path: VERSION, pattern: '^(.*)$' }")),
        };
    }

    /// <summary>The key used when none is configured, or null when the kind needs one.</summary>
    public static string? DefaultKey(VersionFileKind kind) => kind switch
    {
        VersionFileKind.Json => "version",
        VersionFileKind.Xml => "Version",
        _ => null,
    };

    /// <summary>The text with the version written at the key (unchanged when it already holds it).</summary>
    /// <exception cref="SlipwayException">The key or pattern is not in the file (exit 2, naming file and key).</exception>
    public static string Edit(BumpFile file, string text, string version)
    {
        var kind = KindOf(file);
        var key = file.Key ?? DefaultKey(kind);
        if (kind != VersionFileKind.Pattern && key is null)
        {
            throw new SlipwayException(SlipwayError.Usage($"bump_files: {file.Path}: needs a key (e.g. project.version, version, appVersion)",
                $"add key: to the entry for {file.Path} in slipway.yml"));
        }

        var span = kind switch
        {
            VersionFileKind.Toml => TomlValueLocator.Find(text, key!),
            VersionFileKind.Yaml => YamlValueLocator.Find(text, key!),
            VersionFileKind.Json => JsonValueLocator.Find(text, key!),
            VersionFileKind.Xml => XmlValueLocator.Find(text, key!),
            _ => PatternValueLocator.Find(text, file.Pattern!),
        };
        if (span is not { } found)
        {
            var what = kind == VersionFileKind.Pattern ? $"nothing matches the pattern {file.Pattern}" : $"there is no {key} in it";
            throw new SlipwayException(SlipwayError.Usage($"bump_files: {file.Path}: {what}",
                $"fix the {(kind == VersionFileKind.Pattern ? "pattern" : "key")} for {file.Path} in slipway.yml, or add the version to the file"));
        }

        return text[..found.Start] + version + text[(found.Start + found.Length)..];
    }

    /// <summary>The version currently written at the key, or null when it is not there.</summary>
    public static string? Read(BumpFile file, string text)
    {
        var kind = KindOf(file);
        var key = file.Key ?? DefaultKey(kind);
        ValueSpan? span = kind switch
        {
            VersionFileKind.Toml when key is not null => TomlValueLocator.Find(text, key),
            VersionFileKind.Yaml when key is not null => YamlValueLocator.Find(text, key),
            VersionFileKind.Json when key is not null => JsonValueLocator.Find(text, key),
            VersionFileKind.Xml when key is not null => XmlValueLocator.Find(text, key),
            VersionFileKind.Pattern => PatternValueLocator.Find(text, file.Pattern!),
            _ => null,
        };
        return span is { } s ? text.Substring(s.Start, s.Length) : null;
    }
}
