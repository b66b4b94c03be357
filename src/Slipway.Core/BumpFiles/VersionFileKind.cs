namespace Slipway.Core.BumpFiles;

/// <summary>How a version file is read: chosen from the file name, or <see cref="Pattern"/> when a regex is given.</summary>
public enum VersionFileKind
{
    Toml,
    Yaml,
    Json,
    Xml,
    Pattern,
}
