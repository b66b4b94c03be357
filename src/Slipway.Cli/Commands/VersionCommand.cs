using System.CommandLine;
using Slipway.Cli.Releasing;

namespace Slipway.Cli.Commands;

/// <summary>`slipway version [--next]`: the current (or next) version alone, for scripts.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var next = new Option<bool>("--next") { Description = "Print the version the next release would have instead" };
        var bump = new Option<string?>("--bump") { Description = "With --next: the bump to apply; auto decides it from the commits (default: as configured)", HelpName = "auto|patch|minor|major" };
        bump.AcceptOnlyFromAmong(ReleaseOptionsParser.BumpNames);
        var pre = ReleaseOptionsParser.PreOption();
        var command = new Command("version", """
            Print the current version: the highest version tag reachable from HEAD (0.0.0 when there is none).

            Examples:
              slipway version                  1.2.3
              slipway version --next           1.2.4
              slipway version --next --bump auto   1.3.0   (a feat since 1.2.3)
              slipway version --next --bump minor --pre rc   1.3.0-rc.1
            """)
        {
            next, bump, pre,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var request = ReleaseOptionsParser.Request(parse.GetValue(bump), parse.GetValue(pre));
            using var repo = await Repository.OpenAsync(Environment.CurrentDirectory, ct).ConfigureAwait(false);
            terminal.Detail(repo.Discovery);
            if (!parse.GetValue(next))
            {
                var current = repo.Line.Latest?.Version ?? Core.Versioning.SemanticVersion.Zero;
                await terminal.Out.WriteLineAsync(current.ToString()).ConfigureAwait(false);
                return 0;
            }

            var plan = await ReleasePlanning.PlanAsync(repo, request, ct).ConfigureAwait(false);
            await terminal.Out.WriteLineAsync(plan.Next.ToString()).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
