namespace Slipway.Core.Security;

/// <summary>An accepted finding (image.scan.ignore): the id, the last day it is ignored (inclusive), and why.</summary>
public sealed record ScanIgnore(string Id, DateOnly Until, string? Reason = null)
{
    /// <summary>Whether the entry still ignores on <paramref name="today"/>.</summary>
    public bool ActiveOn(DateOnly today) => Until >= today;
}
