using System.CommandLine;
using Slipway.Cli;
using Slipway.Cli.Commands;

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
    ChangelogCommand.Create(),
    NotesCommand.Create(),
    ImageCommand.Create(),
    CiCommand.Create(),
};

// No response files: an argument such as "@{-1}" (a tag name, a version from CI) must be a value, never a file to read.
var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parseResult.Errors.Count > 0)
{
    // Usage errors: one line that says what is wrong and where to look, exit 2.
    var first = parseResult.Errors[0].Message.TrimEnd('.');
    var command = parseResult.CommandResult.Command;
    var name = command == root ? "slipway" : $"slipway {command.Name}";
    Console.Error.WriteLine($"slipway: {first}; see `{name} --help`");
    return 2;
}

return await parseResult.InvokeAsync().ConfigureAwait(false);
