using System.CommandLine;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing;
using Slipway.Core.Errors;

namespace Slipway.Cli.Commands;

/// <summary>`slipway version [--next]`: the current (or next) version alone, for scripts.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var next = new Option<bool>("--next") { Description = "Print the version `slipway release` would cut instead (exit 3 and why on stderr when it would cut none)" };
        var bump = new Option<string?>("--bump") { Description = "The bump of the next version (implies --next); auto decides it from the commits (default: as configured)", HelpName = "auto|patch|minor|major" };
        bump.AcceptOnlyFromAmong(ReleaseOptionsParser.BumpNames);
        var pre = ReleaseOptionsParser.PreOption();
        var package = PackageOption.Create();
        var command = new Command("version", """
            Print the current version: the highest version tag reachable from HEAD (0.0.0 when there is none).
            With --next (or --bump, --pre), the version `slipway release` with the same options would cut; when it
            would cut none (nothing to release, HEAD already released, the version exists or would not be higher),
            nothing is printed, the reason is one line on stderr and the exit code is 3.

            Examples:
              slipway version                  1.2.3
              slipway version --next           1.2.4
              slipway version --next --bump auto   1.3.0   (a feat since 1.2.3)
              slipway version --next --bump minor --pre rc   1.3.0-rc.1
            """)
        {
            next, bump, pre, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var request = ReleaseOptionsParser.Request(parse.GetValue(bump), parse.GetValue(pre));
            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct, parse.GetValue(package)).ConfigureAwait(false);
            terminal.Detail(repo.Discovery);
            if (terminal.Verbose && await repo.OtherPrefixTagsAsync(ct).ConfigureAwait(false) is { Count: > 0 } others)
            {
                terminal.Detail($"not read as versions (tag.prefix is {repo.Naming.Describe()}): {string.Join(", ", others)}; list the prefix in tag.prefix in slipway.yml to read them");
            }

            // --bump and --pre only mean something for the next version: they ask for it.
            if (!parse.GetValue(next) && parse.GetValue(bump) is null && parse.GetValue(pre) is null)
            {
                var current = repo.Line.Latest?.Version ?? Core.Versioning.SemanticVersion.Zero;
                await terminal.Out.WriteLineAsync(current.ToString()).ConfigureAwait(false);
                return 0;
            }

            var plan = await ReleasePlanning.PlanAsync(repo, request, ct).ConfigureAwait(false);
            if (plan.Refusal is var (message, fix))
            {
                // A script writing `git tag v$(slipway version --next)` must never get a version that exists or goes back.
                throw new SlipwayException(SlipwayError.Precondition(message, fix));
            }

            await terminal.Out.WriteLineAsync(plan.Next.ToString()).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
