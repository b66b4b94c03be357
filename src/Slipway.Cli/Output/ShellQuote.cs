namespace Slipway.Cli.Output;

/// <summary>Quotes an argument array for display as a POSIX shell command line (to copy and paste; Slipway itself never runs a shell).</summary>
public static class ShellQuote
{
    public static string Join(string program, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { program }.Concat(arguments).Select(Quote));

    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '@' or '%' or '+' or ','))
        {
            return argument;
        }

        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
