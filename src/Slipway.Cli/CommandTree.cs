using System.CommandLine;
using Slipway.Cli.Commands;
using Slipway.Cli.Usage;

namespace Slipway.Cli;

/// <summary>Every command of `slipway`, as System.CommandLine data; `--help` of a command with commands under it is the short list.</summary>
public static class CommandTree
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Slipway: from commits to a version running in production, and back.")
        {
            GlobalOptions.Verbose,
            VersionCommand.Create(),
            PlanCommand.Create(),
            ReleaseCommand.Create(),
            PublishCommand.Create(),
            DeployCommand.Create(),
            PromoteCommand.Create(),
            RollbackCommand.Create(),
            StatusCommand.Create(),
            HistoryCommand.Create(),
            MetricsCommand.Create(),
            ChangelogCommand.Create(),
            NotesCommand.Create(),
            ImageCommand.Create(),
            CiCommand.Create(),
            InitCommand.Create(),
            SchemaCommand.Create(),
            DoctorCommand.Create(),
            NotifyCommand.Create(),
        };
        OverviewHelpAction.Install(root);
        return root;
    }
}
