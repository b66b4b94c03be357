namespace Slipway.Core.BumpFiles;

/// <summary>One entry of `bump_files:`: a file and where its version is, by key (project.version, appVersion, version, Version) or by a regex with one capture group.</summary>
public sealed record BumpFile(string Path, string? Key, string? Pattern)
{
    /// <summary>What the user sees in messages: "pyproject.toml (project.version)".</summary>
    public string Describe() => $"{Path} ({Key ?? $"pattern {Pattern}"})";
}
