using System.CommandLine;
using Slipway.Adapters.Files;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Changelogs;
using Slipway.Cli.Output;
using Slipway.Cli.Releasing;
using Slipway.Core.Changelog;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Errors;

namespace Slipway.Cli.Commands;

/// <summary>`slipway changelog`: the whole history, the unreleased commits or a range, rendered; --write updates CHANGELOG.md.</summary>
public static class ChangelogCommand
{
    public static Command Create()
    {
        var unreleased = new Option<bool>("--unreleased") { Description = "Only the commits since the last version tag" };
        var range = new Option<string?>("--range") { Description = "Only the commits of A..B (tags, branches or commits)", HelpName = "A..B" };
        var template = new Option<string?>("--template") { Description = "seed, keepachangelog, github or a Liquid file (default: changelog.template, else keepachangelog)", HelpName = "NAME|FILE" };
        var write = new Option<bool>("--write") { Description = "Add the latest release (or the range's, when B is a version tag) to changelog.file (CHANGELOG.md), changing nothing else in it" };
        var package = PackageOption.Create();
        var command = new Command("changelog", """
            Render the changelog from the commits: grouped by type, breaking changes first, linked to GitHub when the
            remote is GitHub. Without options: every release reachable from HEAD, newest first.

            Examples:
              slipway changelog
              slipway changelog --unreleased --template seed
              slipway changelog --range v1.2.0..v1.3.0 --template github
              slipway changelog --write
            """)
        {
            unreleased, range, template, write, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var isUnreleased = parse.GetValue(unreleased);
            var rangeText = parse.GetValue(range);
            if (isUnreleased && rangeText is not null)
            {
                throw new SlipwayException(SlipwayError.Usage("--unreleased and --range cannot be used together", "choose one"));
            }

            if (isUnreleased && parse.GetValue(write))
            {
                throw new SlipwayException(SlipwayError.Usage("--write records a released version and --unreleased has none",
                    "release first, or drop --unreleased (--write adds the latest release)"));
            }

            using var repo = await Workspace.OpenAsync(Environment.CurrentDirectory, ct, parse.GetValue(package)).ConfigureAwait(false);
            var source = await ChangelogSource.OpenAsync(repo, ct).ConfigureAwait(false);
            var chosen = source.Template(parse.GetValue(template), KeepAChangelogTemplate.TemplateName);
            IReadOnlyList<ChangelogRelease> releases;
            if (isUnreleased)
            {
                var latest = repo.Line.Latest;
                releases = repo.State.Head is null ? [] : [await source.ReleaseAsync(ReleaseHeading.Unreleased(latest?.Name), latest?.Commit, "HEAD", ct).ConfigureAwait(false)];
            }
            else if (rangeText is not null)
            {
                releases = [await ChangelogRanges.ReleaseAsync(source, rangeText, ct).ConfigureAwait(false)];
            }
            else
            {
                releases = await source.HistoryAsync(ct).ConfigureAwait(false);
            }

            if (parse.GetValue(write))
            {
                await WriteAsync(repo, source, chosen, releases, wholeHistory: rangeText is null, terminal, ct).ConfigureAwait(false);
                return 0;
            }

            var text = chosen.Render(source.Document(releases, wholeHistory: !isUnreleased && rangeText is null));
            await terminal.Out.WriteAsync(Console.IsOutputRedirected ? text : TextSanitizer.ForTerminal(text)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static async Task WriteAsync(Workspace repo, ChangelogSource source, IChangelogTemplate template, IReadOnlyList<ChangelogRelease> releases,
        bool wholeHistory, Terminal terminal, CancellationToken cancellationToken)
    {
        var relative = repo.Config.Changelog.File ?? ChangelogFile.DefaultPath;
        var path = Path.Combine(repo.State.TopLevel, relative);
        var release = releases.FirstOrDefault(r => !r.IsUnreleased) ?? throw new SlipwayException(SlipwayError.Precondition(
            "there is no released version to write to the changelog", "cut a release first (slipway release), or use --range A..vX.Y.Z"));
        var existing = await AtomicFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        TextFile? updated;
        if (existing is null && wholeHistory && template is not LiquidTemplate)
        {
            // A new file gets the whole history, Unreleased first, in Keep a Changelog's form.
            var all = releases.Any(r => r.IsUnreleased) ? releases : [ChangelogBuilderUnreleased(release), .. releases];
            updated = new TextFile(new KeepAChangelogTemplate().Render(source.Document(all, wholeHistory: true)), false);
        }
        else
        {
            updated = ChangelogFile.Merged(existing, release, source.Remote, template);
        }

        if (updated is null)
        {
            terminal.Status($"{relative} already has {release.Version}");
            return;
        }

        await AtomicFile.WriteAsync(path, updated, cancellationToken).ConfigureAwait(false);
        terminal.Status($"{relative}: added {release.Version}");
    }

    private static ChangelogRelease ChangelogBuilderUnreleased(ChangelogRelease latest) =>
        new() { PreviousTag = latest.Tag, Entries = [], Breaking = [], Groups = [] };
}
