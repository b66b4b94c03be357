namespace Slipway.Adapters.Processes;

/// <summary>What a finished process returned.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The process was ended by SIGHUP, SIGINT, SIGQUIT or SIGTERM (128 + the signal), not by a failure of its own.</summary>
    public bool DiedOfSignal => ExitCode is 129 or 130 or 131 or 143;

    /// <summary>The last non-empty line of stderr: usually the one that says what went wrong.</summary>
    public string LastErrorLine =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;

    /// <summary>What a failed program said last: its last line on stderr, else on stdout (a script that reports on stdout).</summary>
    public string LastWords => LastErrorLine.Length > 0
        ? LastErrorLine
        : StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
}
