using Slipway.Adapters.Files;
using Slipway.Adapters.Processes;
using Slipway.Core.Errors;
using Slipway.Core.Releases.PullRequests;

namespace Slipway.Adapters.Git;

/// <summary>The release pull request's branch on the remote (slipway/release-main): its release commit is built with plumbing on a
/// temporary index (the work tree and the index of the checkout are never touched), pushed and deleted with a lease on the tip
/// that was read, so a concurrent run or a person's push is never overwritten unseen.</summary>
public sealed class ReleasePullRequestBranch(string workingDirectory, string remote, string branch)
{
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
        ["LANGUAGE"] = null,
    };

    // CI checkouts have no user.name/email: the release commit is then signed as slipway.
    private static readonly Dictionary<string, string?> Identity = new()
    {
        ["GIT_AUTHOR_NAME"] = "slipway",
        ["GIT_AUTHOR_EMAIL"] = "slipway@localhost",
        ["GIT_COMMITTER_NAME"] = "slipway",
        ["GIT_COMMITTER_EMAIL"] = "slipway@localhost",
    };

    public string Name => branch;

    private string Ref => $"refs/heads/{branch}";

    /// <summary>The remote branch's tip as it is now (fetched), or null when the remote has no such branch.</summary>
    public async Task<ReleaseBranchTip?> ReadAsync(CancellationToken cancellationToken)
    {
        var listed = await GitAsync(["ls-remote", "--", remote, Ref], cancellationToken).ConfigureAwait(false);
        var line = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(l => l.EndsWith("\t" + Ref, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var sha = line[..line.IndexOf('\t', StringComparison.Ordinal)];
        await GitAsync(["fetch", "--quiet", "--no-tags", "--", remote, Ref], cancellationToken).ConfigureAwait(false);
        var fields = (await GitAsync(["show", "--no-patch", "--format=%P%x00%T%x00%B", "--end-of-options", sha, "--"], cancellationToken).ConfigureAwait(false)).Split('\0', 3);
        var parents = fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var onBranch = parents.Length == 1 && await IsAncestorOfHeadAsync(parents[0], cancellationToken).ConfigureAwait(false);
        return new ReleaseBranchTip(sha, parents, fields[1], fields[2]) { ParentOnBranch = onBranch };
    }

    /// <summary>Builds the release commit: <paramref name="parent"/>'s tree with <paramref name="files"/> written in, and the message. Returns the commit and its tree.</summary>
    public async Task<(string Commit, string Tree)> BuildAsync(string parent, IReadOnlyList<(string Path, TextFile Content)> files, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var index = Path.Combine(Path.GetTempPath(), $"slipway-release-pr-index-{Guid.NewGuid():N}");
        try
        {
            var withIndex = new Dictionary<string, string?>(Environment) { ["GIT_INDEX_FILE"] = index };
            await GitAsync(["read-tree", "--end-of-options", parent], cancellationToken, withIndex).ConfigureAwait(false);
            foreach (var (path, content) in files)
            {
                var blob = (await GitAsync(["hash-object", "-w", "--stdin"], cancellationToken, input: (content.Utf8Bom ? "\uFEFF" : string.Empty) + content.Text).ConfigureAwait(false)).Trim();
                var listed = await GitAsync(["ls-tree", "--end-of-options", parent, "--", path], cancellationToken).ConfigureAwait(false);
                var mode = listed.Length > 6 && listed[6] == ' ' ? listed[..6] : "100644"; // an executable file stays executable
                await GitAsync(["update-index", "--add", "--cacheinfo", $"{mode},{blob},{path}"], cancellationToken, withIndex).ConfigureAwait(false);
            }

            var tree = (await GitAsync(["write-tree"], cancellationToken, withIndex).ConfigureAwait(false)).Trim();
            var identity = await HasIdentityAsync(cancellationToken).ConfigureAwait(false) ? Environment : new Dictionary<string, string?>(Environment.Concat(Identity));
            var commit = (await GitAsync(["commit-tree", tree, "-p", parent], cancellationToken, identity, message).ConfigureAwait(false)).Trim();
            return (commit, tree);
        }
        finally
        {
            File.Delete(index);
        }
    }

    /// <summary>Points the remote branch at <paramref name="commit"/>, if it still is at <paramref name="expected"/> (null: absent).</summary>
    public Task PushAsync(string commit, string? expected, CancellationToken cancellationToken) =>
        LeasedPushAsync($"{commit}:{Ref}", expected, cancellationToken);

    /// <summary>Deletes the remote branch, if it still is at <paramref name="expected"/>.</summary>
    public Task DeleteAsync(string expected, CancellationToken cancellationToken) =>
        LeasedPushAsync($":{Ref}", expected, cancellationToken);

    private async Task LeasedPushAsync(string refspec, string? expected, CancellationToken cancellationToken)
    {
        string[] arguments = ["push", "--porcelain", $"--force-with-lease={Ref}:{expected ?? string.Empty}", "--", remote, refspec];
        var result = await ProcessRunner.RunToEndAsync(ProcessRunner.StartInfo("git", arguments, workingDirectory, Environment), null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var said = (result.StandardOutput + "\n" + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var reason = said.FirstOrDefault(l => l.Contains("rejected", StringComparison.Ordinal)) ?? result.LastErrorLine;
            throw new SlipwayException(SlipwayError.Failed($"the remote '{remote}' refused the push of {branch}: {reason}",
                "another run or a person moved the branch meanwhile: run slipway ci release-pr again", result.StandardOutput + result.StandardError));
        }
    }

    private async Task<bool> IsAncestorOfHeadAsync(string commit, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo("git", ["merge-base", "--is-ancestor", "--end-of-options", commit, "HEAD"], workingDirectory, Environment),
            null, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    private async Task<bool> HasIdentityAsync(CancellationToken cancellationToken)
    {
        var name = await ProcessRunner.RunAsync(ProcessRunner.StartInfo("git", ["config", "user.name"], workingDirectory, Environment), null, cancellationToken).ConfigureAwait(false);
        var email = await ProcessRunner.RunAsync(ProcessRunner.StartInfo("git", ["config", "user.email"], workingDirectory, Environment), null, cancellationToken).ConfigureAwait(false);
        return name.Succeeded && email.Succeeded;
    }

    private async Task<string> GitAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? environment = null, string? input = null)
    {
        var result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo("git", arguments, workingDirectory, environment ?? Environment), input, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : throw GitError.From(arguments, result, ExitCode.Failed, $"check the remote '{remote}' and the clone");
    }
}
