using Slipway.Adapters.Files;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Changelogs;
using Slipway.Core.BumpFiles;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Errors;

namespace Slipway.Cli.Releasing;

/// <summary>The files a release writes before its release commit (changelog.file and bump_files), and what each would become.</summary>
public static class ReleaseFiles
{
    /// <summary>Reads a file by its path relative to the repository root; null when it does not exist.</summary>
    public delegate Task<TextFile?> Reader(string relativePath, CancellationToken cancellationToken);

    /// <summary>A file the release changes: its path relative to the repository root and its new content.</summary>
    public sealed record Change(string Path, TextFile Content, string What);

    public static bool Configured(Workspace repo) => repo.Config.Changelog.File is not null || repo.Config.BumpFiles.Count > 0;

    /// <summary>Every path the release commit may contain.</summary>
    public static IReadOnlyList<string> Paths(Workspace repo) =>
        [.. repo.Config.Changelog.File is { } file ? [file] : Array.Empty<string>(), .. repo.Config.BumpFiles.Select(b => b.Path).Distinct(StringComparer.Ordinal)];

    public static Reader WorkingTree(Workspace repo) =>
        (path, ct) => AtomicFile.ReadAsync(System.IO.Path.Combine(repo.State.TopLevel, path), ct);

    /// <summary>Reads files as HEAD has them (to tell a half-done release's edits from someone's own).</summary>
    public static Reader Head(Workspace repo) => (path, ct) => repo.Git.FileAtHeadAsync(path, ct);

    /// <summary>The changelog file with the new release merged in, or null when it is not configured or already has the release.</summary>
    public static async Task<Change?> ChangelogAsync(Workspace repo, Core.Releases.ReleasePlan plan, Reader read, CancellationToken cancellationToken)
    {
        if (repo.Config.Changelog.File is not { } path)
        {
            return null;
        }

        var source = await ChangelogSource.OpenAsync(repo, cancellationToken).ConfigureAwait(false);
        var template = source.Template(null, KeepAChangelogTemplate.TemplateName);
        var existing = await read(path, cancellationToken).ConfigureAwait(false);
        var merged = ChangelogFile.Merged(existing, PlanChangelog.Release(source, plan), source.Remote, template);
        return merged is null ? null : new Change(path, merged, $"add {plan.Next} to {path}");
    }

    /// <summary>The bump files that do not hold the new version yet, with it written in.</summary>
    public static async Task<IReadOnlyList<Change>> BumpsAsync(Workspace repo, Core.Releases.ReleasePlan plan, Reader read, CancellationToken cancellationToken)
    {
        var version = plan.Next.ToString();
        var contents = new Dictionary<string, TextFile>(StringComparer.Ordinal);
        var what = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in repo.Config.BumpFiles)
        {
            if (!contents.TryGetValue(file.Path, out var content))
            {
                content = await read(file.Path, cancellationToken).ConfigureAwait(false) ?? throw new SlipwayException(SlipwayError.Usage(
                    $"bump_files: {file.Path} does not exist", $"create it, or remove it from bump_files in slipway.yml"));
                what[file.Path] = [];
            }

            var edited = VersionFileEditor.Edit(file, content.Text, version);
            if (edited != content.Text)
            {
                what[file.Path].Add(file.Key ?? "pattern");
            }

            contents[file.Path] = content with { Text = edited };
        }

        return [.. what.Where(w => w.Value.Count > 0).Select(w => new Change(w.Key, contents[w.Key], $"{w.Key} ({string.Join(", ", w.Value)}) = {version}"))];
    }

    /// <summary>The uncommitted paths that are exactly this release's edits of HEAD's files (a run that failed before its release commit).</summary>
    public static async Task<IReadOnlySet<string>> ResumableAsync(Workspace repo, Core.Releases.ReleasePlan plan, IReadOnlyList<string> dirty, CancellationToken cancellationToken)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!Configured(repo) || plan.TagExistsAtHead || dirty.Count == 0 || !dirty.All(Paths(repo).Contains))
        {
            return result;
        }

        var head = Head(repo);
        var expected = new List<Change>();
        if (await ChangelogAsync(repo, plan, head, cancellationToken).ConfigureAwait(false) is { } changelog)
        {
            expected.Add(changelog);
        }

        expected.AddRange(await BumpsAsync(repo, plan, head, cancellationToken).ConfigureAwait(false));
        var working = WorkingTree(repo);
        foreach (var change in expected)
        {
            var now = await working(change.Path, cancellationToken).ConfigureAwait(false);
            if (now is not null && now.Text == change.Content.Text)
            {
                result.Add(change.Path);
            }
        }

        return result;
    }

    /// <summary>Removes what a killed run left of its writes (temporary files beside the release's files or among the untracked
    /// ones, whose writer is gone, see <see cref="AtomicFile.IsLeftover"/>); returns their paths relative to the repository root.</summary>
    public static async Task<IReadOnlyList<string>> RemoveLeftoversAsync(Workspace repo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var untracked = await repo.Git.UncommittedChangesAsync(cancellationToken).ConfigureAwait(false);
        return AtomicFile.RemoveLeftovers(repo.State.TopLevel, Paths(repo), untracked);
    }

    public static Task WriteAsync(Workspace repo, Change change, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(System.IO.Path.Combine(repo.State.TopLevel, change.Path), change.Content, cancellationToken);
}
