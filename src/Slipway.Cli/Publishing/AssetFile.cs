namespace Slipway.Cli.Publishing;

/// <summary>A file to attach to a release: its path, the name it gets on the release, and its size.</summary>
public sealed record AssetFile(string Path, string Name, long Size);
