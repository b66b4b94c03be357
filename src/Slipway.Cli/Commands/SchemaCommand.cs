using System.CommandLine;
using Slipway.Cli.Setup;

namespace Slipway.Cli.Commands;

/// <summary>`slipway schema`: the JSON Schema of slipway.yml, for editors and for checking a file in CI.</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", """
            Print the JSON Schema (draft 2020-12) of slipway.yml. Editors with a YAML language server complete and check
            the file with it: `slipway init` writes its address on slipway.yml's first line
            (# yaml-language-server: $schema=...).

            Example:
              slipway schema > slipway.schema.json
            """);
        CommandRunner.SetHandler(command, async (_, terminal, _) =>
        {
            await terminal.Out.WriteAsync(SchemaResource.Text()).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
