using System.CommandLine;

namespace Slipway.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show detail: the git commands' output, and the full error behind a one-line message",
        Recursive = true,
    };
}
