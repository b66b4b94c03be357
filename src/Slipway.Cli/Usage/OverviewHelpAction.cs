using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Slipway.Cli.Usage;

/// <summary>`--help`: the short command list for a command with commands under it, System.CommandLine's full help for any other.</summary>
public sealed class OverviewHelpAction(HelpAction full) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var command = parseResult.CommandResult.Command;
        if (command.Subcommands.Count == 0)
        {
            return full.Invoke(parseResult);
        }

        parseResult.InvocationConfiguration.Output.Write(CommandOverview.Render(command));
        return 0;
    }

    /// <summary>
    /// Replaces the root's help option by `--help`/`-h` with this action (recursive: it answers for every command). The Windows
    /// forms (`-?`, `/?`, `/h`) go: they filled every completion list and help line for a tool that runs on Linux.
    /// </summary>
    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var standard = root.Options.OfType<HelpOption>().Single();
        _ = root.Options.Remove(standard);
        root.Options.Add(new HelpOption("--help", "-h") { Action = new OverviewHelpAction(new HelpAction()) });
    }
}
