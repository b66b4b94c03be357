namespace Slipway.Tests.Fixtures;

/// <summary>Assertions on what a user sees of a command.</summary>
public static class Expect
{
    public static void Success(RunResult result) =>
        Assert.True(result.ExitCode == 0, $"expected success, got {result}");

    /// <summary>The command failed with this exit code and exactly one line on stderr that contains every fragment.</summary>
    public static string OneLineError(RunResult result, int exitCode, params string[] fragments)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}, got {result}");
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errors = lines.Where(l => l.StartsWith("slipway:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1, $"expected one error line, got {result}");
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StandardError, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, errors[0], StringComparison.Ordinal);
        }

        return errors[0];
    }
}
