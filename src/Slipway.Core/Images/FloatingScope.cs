namespace Slipway.Core.Images;

/// <summary>Which releases a version pattern's tag floats over: none (exact), its minor line, its major line, or all (latest-like).</summary>
internal enum FloatingScope
{
    Exact,
    Minor,
    Major,
    Overall,
}
