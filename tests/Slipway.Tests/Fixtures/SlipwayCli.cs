namespace Slipway.Tests.Fixtures;

/// <summary>Runs the real `slipway` program (the built CLI, as a separate process) the way a user does.</summary>
public static class SlipwayCli
{
    /// <summary>
    /// The CLI the tests run: the ReadyToRun build test.sh publishes (SLIPWAY_TEST_CLI; the same code, compiled ahead so
    /// that thousands of runs do not each compile it again), else the one built beside the tests.
    /// </summary>
    public static string Dll { get; } = Environment.GetEnvironmentVariable("SLIPWAY_TEST_CLI") is { Length: > 0 } published && File.Exists(published)
        ? published
        : System.IO.Path.Combine(AppContext.BaseDirectory, "slipway.dll");

    public static RunResult Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, null, null, arguments);

    public static RunResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, string? standardInput, params string[] arguments) =>
        Fixtures.Run.Process("dotnet", [Dll, .. arguments], workingDirectory, environment, standardInput ?? string.Empty);
}
