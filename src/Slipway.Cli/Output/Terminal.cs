using Slipway.Adapters.Processes;

namespace Slipway.Cli.Output;

/// <summary>Where a command writes: stdout for results, stderr for progress and errors; colour only on a terminal without NO_COLOR.</summary>
public sealed class Terminal
{
    /// <param name="colour">Whether to paint: <see cref="WantsColour"/>.</param>
    /// <param name="errorIsTerminal">stderr is a terminal (not redirected): a person reads it, so progress is shown there.</param>
    public Terminal(TextWriter stdout, TextWriter stderr, bool verbose, bool colour, bool errorIsTerminal)
    {
        Out = stdout;
        Error = stderr;
        Verbose = verbose;
        Colour = colour;
        ShowsProgress = verbose || errorIsTerminal;
    }

    /// <summary>Colour on a terminal (stdout not redirected) unless NO_COLOR is set or TERM is dumb.</summary>
    public static bool WantsColour(Func<string, string?> environment, bool outputRedirected)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return string.IsNullOrEmpty(environment("NO_COLOR")) && !outputRedirected && environment("TERM") is not "dumb";
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public bool Verbose { get; }

    public bool Colour { get; }

    /// <summary>Progress lines are for a person (stderr is a terminal) or asked for (--verbose): a script reading stderr gets one line per error.</summary>
    public bool ShowsProgress { get; }

    /// <summary>True when a person can answer a question: stdin and stderr are terminals.</summary>
    public static bool Interactive => !Console.IsInputRedirected && !Console.IsErrorRedirected;

    public string Green(string text) => Paint("32", text);

    public string Red(string text) => Paint("31", text);

    public string Yellow(string text) => Paint("33", text);

    public string Bold(string text) => Paint("1", text);

    public string Dim(string text) => Paint("2", text);

    /// <summary>A progress or status line on stderr, so stdout stays data.</summary>
    public void Status(string line) => Error.WriteLine(line);

    /// <summary>A progress line on stderr (one line, control characters made visible) when <see cref="ShowsProgress"/>.</summary>
    public void Progress(string line)
    {
        if (ShowsProgress)
        {
            Status(TextSanitizer.OneLine(line));
        }
    }

    public void Detail(string line)
    {
        if (Verbose)
        {
            Error.WriteLine(Dim(line));
        }
    }

    /// <summary>Asks a yes/no question on the terminal; false unless the answer starts with y.</summary>
    public bool Confirm(string question)
    {
        Error.Write($"{question} [y/N] ");
        Error.Flush();
        // Ctrl-C is Slipway's own (Termination), so it does not end a read of the console by itself: it cancels the question.
        var read = Task.Run(Console.ReadLine);
        try
        {
            read.Wait(Termination.Signalled);
        }
        catch (OperationCanceledException)
        {
            Error.WriteLine();
            throw;
        }

        var answer = read.Result;
        return answer is not null && answer.Trim().StartsWith('y');
    }

    private string Paint(string code, string text) => Colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
