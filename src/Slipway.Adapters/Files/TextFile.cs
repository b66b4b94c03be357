namespace Slipway.Adapters.Files;

/// <summary>A text file's content and whether it began with a UTF-8 byte order mark (kept when it is written back).</summary>
public sealed record TextFile(string Text, bool Utf8Bom);
