namespace Slipway.Adapters.Checks;

/// <summary>What the scanner left: its name, the report's text, its exit code and the last line it wrote on stderr.</summary>
public sealed record ScannerOutput(string Scanner, string Report, int ExitCode, string LastErrorLine);
