using System.CommandLine;
using System.Text;

namespace Slipway.Cli.Usage;

/// <summary>
/// The help of `slipway` and of `slipway image`/`slipway ci`: a line per command, grouped, like `git` and `gh`; a command's own
/// `--help` has its options and examples. The arguments of each line are read from the command, so they cannot drift.
/// </summary>
public static class CommandOverview
{
    /// <summary>Every command by path, in the order a user meets them (git's command-list.txt: one table, one line each).</summary>
    public static readonly IReadOnlyList<CommandGroup> Groups =
    [
        new("Release", [
            ("slipway version", "Print the current version, or the next one (--next)"),
            ("slipway plan", "Show the next release and why, changing nothing"),
            ("slipway release", "Cut a release: check, annotated tag, atomic push"),
            ("slipway changelog", "Render the changelog, or add it to CHANGELOG.md (--write)"),
            ("slipway notes", "Print the release notes of an existing version"),
            ("slipway publish", "Create or update the GitHub release of a version"),
        ]),
        new("Deploy", [
            ("slipway deploy", "Deploy a version with helm: gates, health check, ledger"),
            ("slipway promote", "Deploy to TO the version that last succeeded in FROM"),
            ("slipway rollback", "Redeploy an environment's last good version"),
            ("slipway status", "Show which version runs where, since when, by whom"),
            ("slipway history", "List an environment's deployment attempts"),
            ("slipway metrics", "The four delivery metrics of an environment, from the ledger"),
        ]),
        new("Images and CI", [
            ("slipway image tags", "Print the image tags and OCI labels of a build"),
            ("slipway image promote", "Give an image in the registry the tags of a version"),
            ("slipway image scan", "Scan a version's image with image.scan's scanner, by digest"),
            ("slipway ci image-tags", "Write a build's image tags to $GITHUB_OUTPUT"),
            ("slipway ci release", "After a tag push or a merged release PR: tag, image tags, GitHub release, deploys"),
            ("slipway ci release-pr", "Open or update the pull request that shows the next release"),
        ]),
        new("Set-up", [
            ("slipway init", "Write slipway.yml and the release workflows for this repository"),
            ("slipway schema", "Print the JSON Schema of slipway.yml"),
            ("slipway doctor", "Check what a release needs before the tag is pushed"),
            ("slipway notify test", "Send a test message through each notifier of slipway.yml"),
        ]),
    ];

    /// <summary>The overview of a command that has commands under it (the root, image, ci).</summary>
    public static string Render(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var path = CommandPath.Of(command);
        var leaves = CommandPath.Descendants(command).Where(d => d.Command.Subcommands.Count == 0).ToDictionary(d => d.Path, d => d.Command, StringComparer.Ordinal);
        var groups = Groups
            .Select(g => (g.Title, Lines: g.Commands.Where(c => leaves.ContainsKey(c.Path)).Select(c => Line(path, leaves[c.Path], c.Path, c.Summary)).ToList()))
            .Where(g => g.Lines.Count > 0)
            .ToList();

        // A command the table does not name still shows, with the first line of its description.
        var listed = Groups.SelectMany(g => g.Commands).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var unlisted = leaves.Where(l => !listed.Contains(l.Key)).Select(l => Line(path, l.Value, l.Key, FirstLine(l.Value.Description))).ToList();
        if (unlisted.Count > 0)
        {
            groups.Add(("Other commands", unlisted));
        }

        var text = new StringBuilder();
        text.Append(FirstLine(command.Description)).Append("\n\n");
        text.Append("Usage: ").Append(path).Append(" <command> [options]\n");
        var width = groups.SelectMany(g => g.Lines).Max(l => l.Synopsis.Length) + 3;
        foreach (var (title, lines) in groups)
        {
            text.Append('\n').Append(groups.Count > 1 ? title : "Commands").Append('\n');
            foreach (var (synopsis, summary) in lines)
            {
                text.Append("  ").Append(synopsis.PadRight(width)).Append(summary).Append('\n');
            }
        }

        text.Append("\nOptions\n");
        var options = Options(command).ToList();
        var optionWidth = options.Max(o => o.Names.Length) + 3;
        foreach (var (names, description) in options)
        {
            text.Append("  ").Append(names.PadRight(optionWidth)).Append(description).Append('\n');
        }

        text.Append("\nRun `").Append(path).Append(" <command> --help` for a command's options and examples.\n");
        return text.ToString();
    }

    /// <summary>"image tags [version]" under `slipway`, "tags [version]" under `slipway image`.</summary>
    private static (string Synopsis, string Summary) Line(string parentPath, Command command, string path, string summary)
    {
        var name = path[(parentPath.Length + 1)..];
        var arguments = CommandPath.Arguments(command);
        return (arguments.Length > 0 ? $"{name} {arguments}" : name, summary);
    }

    private static IEnumerable<(string Names, string Description)> Options(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return options.Where(o => !o.Hidden).Distinct().Select(o => (
            string.Join(", ", o.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal) || (a.Length == 2 && char.IsAsciiLetter(a[1]))).Append(o.Name).OrderBy(a => a.Length)),
            FirstLine(o.Description)));
    }

    private static string FirstLine(string? text) => (text ?? string.Empty).Split('\n')[0].Trim();
}
