namespace Slipway.Tests.Fixtures;

/// <summary>Runs the real `slipway` program (the built CLI, as a separate process) the way a user does.</summary>
public static class SlipwayCli
{
    private static readonly string Dll = System.IO.Path.Combine(AppContext.BaseDirectory, "slipway.dll");

    public static RunResult Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, null, null, arguments);

    public static RunResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, string? standardInput, params string[] arguments) =>
        Fixtures.Run.Process("dotnet", [Dll, .. arguments], workingDirectory, environment, standardInput ?? string.Empty);
}
