namespace Slipway.Cli.Publishing;

/// <summary>What happened to one --asset file.</summary>
public sealed record AssetOutcome(string Name, long Size, AssetAction Action);

/// <summary>Uploaded (new), replaced (--clobber), or skipped (already there with the same size).</summary>
public enum AssetAction
{
    Uploaded,
    Replaced,
    Skipped,
}
