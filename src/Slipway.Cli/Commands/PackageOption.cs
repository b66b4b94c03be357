using System.CommandLine;

namespace Slipway.Cli.Commands;

/// <summary>`--package NAME`: in a repository with `packages:` in slipway.yml, the command works on that package.</summary>
public static class PackageOption
{
    public static Option<string?> Create(string description = "With packages: in slipway.yml, work on this package: its tags are the versions, its paths' commits the history, its image and environments (else the repository's)") =>
        new("--package") { Description = description, HelpName = "NAME" };
}
