namespace Slipway.Core.Releases;

/// <summary>One check that `release` runs before changing anything: passed, or failed with how to fix it.</summary>
public sealed record PreflightCheck(string Name, bool Ok, string Message, string? Fix = null)
{
    public static PreflightCheck Pass(string name, string message) => new(name, true, message);

    public static PreflightCheck Fail(string name, string message, string fix) => new(name, false, message, fix);
}
