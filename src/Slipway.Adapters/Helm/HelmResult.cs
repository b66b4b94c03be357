using Slipway.Adapters.Processes;

namespace Slipway.Adapters.Helm;

/// <summary>What one helm run returned, with the line that says why it failed.</summary>
public sealed class HelmResult(ProcessResult process)
{
    public bool Succeeded => process.Succeeded;

    public int ExitCode => process.ExitCode;

    public string Output => process.StandardOutput;

    public string ErrorOutput => process.StandardError;

    /// <summary>Helm's "Error: ..." line (the last one), or its last line of stderr.</summary>
    public string Problem =>
        process.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.StartsWith("Error:", StringComparison.Ordinal))
        ?? (process.LastErrorLine.Length > 0 ? process.LastErrorLine : $"exit {process.ExitCode}");
}
