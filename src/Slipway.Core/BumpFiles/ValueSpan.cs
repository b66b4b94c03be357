namespace Slipway.Core.BumpFiles;

/// <summary>Where a value's characters are in a file's text (inside its quotes, if it has them).</summary>
public readonly record struct ValueSpan(int Start, int Length);
