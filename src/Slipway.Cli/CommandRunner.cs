using System.CommandLine;
using Slipway.Adapters.Git;
using Slipway.Adapters.Processes;
using Slipway.Cli.Output;
using Slipway.Core.Errors;

namespace Slipway.Cli;

/// <summary>The one place where errors become one line on stderr and an exit code; a stack trace only with --verbose, and only for bugs.</summary>
public static class CommandRunner
{
    public static void SetHandler(Command command, Func<ParseResult, Terminal, CancellationToken, Task<int>> handler) =>
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, handler, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parseResult, Func<ParseResult, Terminal, CancellationToken, Task<int>> handler, CancellationToken cancellationToken)
    {
        var terminal = new Terminal(Console.Out, Console.Error, parseResult.GetValue(GlobalOptions.Verbose),
            Terminal.WantsColour(ProcessEnvironment.Variable, Console.IsOutputRedirected), errorIsTerminal: !Console.IsErrorRedirected);
        Termination.Notice = terminal.Status;
        StaleLock.Removed = path => terminal.Status($"- removed {path}, a lock left by a slipway run that was killed");
        try
        {
            return await handler(parseResult, terminal, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException e)
        {
            return Report(terminal, e.Error);
        }
        catch (StepCancelledException e)
        {
            // What was written is whole (files renamed into place, git's writes waited for): the same command finishes the work.
            terminal.Error.WriteLine($"slipway: cancelled at step {e.Step}{(e.Note is { } note ? $"; {note}" : string.Empty)}; run the same command to finish");
            return Termination.ExitCode;
        }
        catch (OperationCanceledException)
        {
            terminal.Error.WriteLine("slipway: cancelled");
            return Termination.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Report(terminal, SlipwayError.Failed(e.Message, "check the path and its permissions", e.ToString()));
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end in one line, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            terminal.Error.WriteLine($"slipway: internal error: {SlipwayError.Flatten(e.Message)}; please report it (run with --verbose for the stack trace)");
            terminal.Detail(e.ToString());
            return (int)ExitCode.Failed;
        }
    }

    public static int Report(Terminal terminal, SlipwayError error)
    {
        terminal.Error.WriteLine($"slipway: {TextSanitizer.OneLine(error.OneLine())}");
        if (error.Detail is { Length: > 0 } detail)
        {
            terminal.Detail(detail.TrimEnd());
        }

        return (int)error.Code;
    }
}
