using System.CommandLine;
using System.CommandLine.Parsing;
using Slipway.Cli.Output;

namespace Slipway.Cli.Usage;

/// <summary>A command line the parser rejected, as one line: the word that is wrong, the nearest right ones, and where to look.</summary>
public static class UsageMessage
{
    public static string For(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var command = parseResult.CommandResult.Command;
        var path = CommandPath.Of(command);
        var see = $"see `{path} --help`";
        if ((parseResult.UnmatchedTokens.Count > 0 ? parseResult.UnmatchedTokens[0] : MisreadOption(parseResult)) is { } word)
        {
            var shown = TextSanitizer.OneLine(word);
            if (word.Length > 1 && word[0] == '-')
            {
                var options = OptionNames(command).ToList();
                return WithSuggestions($"unknown option '{shown}' for `{path}`", NearestWords.Find(word, options), see);
            }

            if (command.Subcommands.Count > 0)
            {
                var commands = CommandWords(command);
                var near = NearestWords.Find(word, commands.Keys).Select(w => commands[w]).ToList();
                return near.Count switch
                {
                    0 => $"'{shown}' is not a `{path}` command; {(command.Subcommands.Count == 1 ? "the only command is" : "the commands are")} {Names(command)}; {see}",
                    1 when near[0] == $"{path} --help" => $"'{shown}' is not a `{path}` command; did you mean `{near[0]}`?",
                    _ => WithSuggestions($"'{shown}' is not a `{path}` command", [.. near.Select(n => $"`{n}`")], see),
                };
            }

            return $"unexpected argument '{shown}' for `{path}`; {see}";
        }

        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            return $"`{path}` needs a command: {Names(command)}; {see}";
        }

        // The parser's own message (a value not among the allowed ones, a missing argument), on one line.
        var message = string.Join(' ', parseResult.Errors[0].Message.Split((char[])['\n', '\r', '\t'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
        return $"{TextSanitizer.OneLine(message)}; {see}";
    }

    /// <summary>A word like an option that a command's optional argument took as its value and refused (`release --dryrun`).</summary>
    private static string? MisreadOption(ParseResult parseResult) => parseResult.Errors
        .Select(e => e.SymbolResult).OfType<ArgumentResult>().Where(a => a.Parent is CommandResult)
        .SelectMany(a => a.Tokens).Select(t => t.Value).FirstOrDefault(v => v.Length > 1 && v[0] == '-');

    private static string WithSuggestions(string what, IReadOnlyList<string> near, string see) => near.Count switch
    {
        0 => $"{what}; {see}",
        1 => $"{what}; did you mean {near[0]}? {see}",
        _ => $"{what}; did you mean {string.Join(", ", near.SkipLast(1))} or {near[^1]}? {see}",
    };

    /// <summary>The options a user can give here: the command's own and the recursive ones of the commands above it.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-'));
    }

    /// <summary>Words a user may have meant, each with what to type: the commands here, those under them, and help.</summary>
    private static Dictionary<string, string> CommandWords(Command command)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal) { ["help"] = $"{CommandPath.Of(command)} --help" };
        foreach (var sub in command.Subcommands.Where(s => !s.Hidden))
        {
            words[sub.Name] = CommandPath.Of(sub);
        }

        foreach (var (nested, path) in CommandPath.Descendants(command))
        {
            words.TryAdd(nested.Name, path);
        }

        return words;
    }

    private static string Names(Command command)
    {
        var names = command.Subcommands.Where(s => !s.Hidden).Select(s => s.Name).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.SkipLast(1))} or {names[^1]}";
    }
}
