using System.CommandLine;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Changelogs;
using Slipway.Cli.Output;
using Slipway.Cli.Releasing;
using Slipway.Core.Changelog;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Commands;

/// <summary>`slipway notes VERSION`: the release-notes body for an existing version, from the previous version's tag to its own.</summary>
public static class NotesCommand
{
    public static Command Create()
    {
        var version = new Argument<string>("version") { Description = "The version (1.3.0) or its tag (v1.3.0)" };
        var template = new Option<string?>("--template") { Description = "seed, keepachangelog, github (default) or a Liquid file", HelpName = "NAME|FILE" };
        var package = PackageOption.Create();
        var command = new Command("notes", """
            Print the release notes of an existing version: the commits from the previous version's tag to its tag,
            grouped, breaking changes first (GitHub's release-notes form by default).

            Examples:
              slipway notes 1.3.0
              slipway notes v1.3.0 --template notes.liquid
            """)
        {
            version, template, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct, parse.GetValue(package)).ConfigureAwait(false);
            var wanted = repo.Naming.ParseVersion(parse.GetValue(version) ?? string.Empty);

            var tag = repo.VersionTags.FirstOrDefault(t => t.Version.Equals(wanted)) ?? throw new SlipwayException(SlipwayError.Precondition(
                $"there is no tag {repo.Naming.TagFor(wanted)}", $"list the versions with git tag --list '{repo.Naming.Prefix}*' (fetch the tags first: git fetch --tags)"));
            var source = await ChangelogSource.OpenAsync(repo, ct).ConfigureAwait(false);
            var release = await VersionRelease.ForTagAsync(source, tag, ct).ConfigureAwait(false);
            var notes = source.Template(parse.GetValue(template), GitHubReleaseTemplate.TemplateName, useConfigured: false).Render(source.Document([release]));
            await terminal.Out.WriteAsync(Console.IsOutputRedirected ? notes : TextSanitizer.ForTerminal(notes)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
