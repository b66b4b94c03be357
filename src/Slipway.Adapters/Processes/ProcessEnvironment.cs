namespace Slipway.Adapters.Processes;

/// <summary>
/// The process's environment variables: the one place Slipway reads them. The composition root (a command's screen) hands
/// <see cref="Variable"/> on as a <c>Func&lt;string, string?&gt;</c>; everything below it reads what it was given, so a test can give
/// another environment.
/// </summary>
public static class ProcessEnvironment
{
    /// <summary>The variable's value, null when unset.</summary>
    public static Func<string, string?> Variable { get; } = Environment.GetEnvironmentVariable;
}
