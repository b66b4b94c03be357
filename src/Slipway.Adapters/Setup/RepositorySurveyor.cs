using Slipway.Adapters.Git;
using Slipway.Core.Setup;

namespace Slipway.Adapters.Setup;

/// <summary>Reads what `slipway init` decides from: the work tree's file list (as git sees it), the few files detection asks for, remotes, branches, tags and recent commits.</summary>
public static class RepositorySurveyor
{
    /// <summary>The largest file read for detection: a version file is small; anything bigger is not one.</summary>
    private const long LargestFile = 1 << 20;

    public static async Task<RepositorySurvey> SurveyAsync(IGitRepository git, RepositoryState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(state);
        var files = await git.ListFilesAsync(cancellationToken).ConfigureAwait(false);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in ProjectDetector.FilesToRead(files))
        {
            var full = Path.Combine(state.TopLevel, path);
            var info = new FileInfo(full);
            if (info.Exists && info.Length <= LargestFile && info.LinkTarget is null)
            {
                texts[path] = await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false);
            }
        }

        var defaultBranches = await git.RemoteDefaultBranchesAsync(cancellationToken).ConfigureAwait(false);
        var remotes = new List<SurveyedRemote>();
        foreach (var name in await git.RemotesAsync(cancellationToken).ConfigureAwait(false))
        {
            remotes.Add(new SurveyedRemote(name, await git.RemoteUrlAsync(name, cancellationToken).ConfigureAwait(false),
                defaultBranches.TryGetValue(name, out var branch) ? branch : null));
        }

        var tags = await git.ListTagsAsync(string.Empty, cancellationToken).ConfigureAwait(false);
        var messages = new List<string>();
        if (state.Head is not null)
        {
            await foreach (var commit in git.LogAsync(null, includeMerges: false, cancellationToken).ConfigureAwait(false))
            {
                messages.Add(commit.Message);
                if (messages.Count == ProjectDetector.CommitsExamined)
                {
                    break;
                }
            }
        }

        return new RepositorySurvey
        {
            Files = files.Where(f => File.Exists(Path.Combine(state.TopLevel, f))).ToList(),
            Texts = texts,
            Remotes = remotes,
            CurrentBranch = state.Branch,
            TagNames = tags.Select(t => t.Name).ToList(),
            RecentCommitMessages = messages,
        };
    }
}
