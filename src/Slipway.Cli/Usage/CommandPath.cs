using System.CommandLine;

namespace Slipway.Cli.Usage;

/// <summary>How a user types a command: `slipway`, `slipway plan`, `slipway image tags`.</summary>
public static class CommandPath
{
    public static string Of(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c is RootCommand ? "slipway" : c.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>The command and the commands under it, at any depth, with their paths.</summary>
    public static IEnumerable<(Command Command, string Path)> Descendants(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var sub in command.Subcommands.Where(s => !s.Hidden))
        {
            yield return (sub, Of(sub));
            foreach (var nested in Descendants(sub))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The argument part of a synopsis: `&lt;environment&gt; [version]`, `[auto|patch|minor|major]`.</summary>
    public static string Arguments(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return string.Join(' ', command.Arguments.Where(a => !a.Hidden).Select(a =>
        {
            var name = a.HelpName ?? a.Name.ToLowerInvariant();
            return a.Arity.MinimumNumberOfValues == 0 ? $"[{name}]" : $"<{name}>";
        }));
    }
}
