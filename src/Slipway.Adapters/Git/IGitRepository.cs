using Slipway.Core.Commits;

namespace Slipway.Adapters.Git;

/// <summary>The git operations Slipway needs, on one repository, each one `git` process with an argument array.</summary>
public interface IGitRepository
{
    string WorkingDirectory { get; }

    Task<RepositoryState> GetStateAsync(CancellationToken cancellationToken);

    /// <summary>Every tag under refs/tags/ whose name starts with <paramref name="prefix"/>, with the commit it peels to.</summary>
    Task<IReadOnlyList<TagRef>> ListTagsAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>The commit each revision resolves to (tags are peeled), in order.</summary>
    Task<IReadOnlyList<string>> ResolveCommitsAsync(IReadOnlyList<string> revisions, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="commits"/> are ancestors of (or equal to) HEAD, in one walk.</summary>
    Task<IReadOnlySet<string>> ReachableFromHeadAsync(IReadOnlyCollection<string> commits, CancellationToken cancellationToken);

    /// <summary>
    /// Which of <paramref name="commits"/> are NOT ancestors of (or equal to) HEAD, in one walk; the walk also reports the
    /// commits of <paramref name="watch"/> it passed, which are not reachable either (a whole unmerged branch in one go).
    /// </summary>
    Task<IReadOnlySet<string>> NotReachableFromHeadAsync(IReadOnlyCollection<string> commits, IReadOnlySet<string> watch, CancellationToken cancellationToken);

    /// <summary>Streams the commits of <paramref name="exclusiveFrom"/>..HEAD (all of HEAD's history when null), newest first.</summary>
    IAsyncEnumerable<Commit> LogAsync(string? exclusiveFrom, bool includeMerges, CancellationToken cancellationToken);

    /// <summary>Streams the commits of <paramref name="exclusiveFrom"/>..<paramref name="until"/> (all of its history when null), newest first.</summary>
    IAsyncEnumerable<Commit> LogAsync(string? exclusiveFrom, string until, bool includeMerges, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors.</summary>
    /// <summary>One commit (a tag is peeled to its commit).</summary>
    Task<Commit> CommitAsync(string revision, CancellationToken cancellationToken);

    Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken);

    /// <summary>Stages exactly <paramref name="paths"/> and commits them (and only them) with the message.</summary>
    Task CommitPathsAsync(string message, IReadOnlyList<string> paths, CancellationToken cancellationToken);

    /// <summary>Paths with uncommitted changes (`git status --porcelain`), empty when the tree is clean.</summary>
    Task<IReadOnlyList<string>> UncommittedChangesAsync(CancellationToken cancellationToken);

    Task<string?> ConfigValueAsync(string key, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> RemotesAsync(CancellationToken cancellationToken);

    Task<string?> RemoteUrlAsync(string remote, CancellationToken cancellationToken);

    /// <summary>Each remote's default branch as the clone recorded it (refs/remotes/NAME/HEAD), by remote name.</summary>
    Task<IReadOnlyDictionary<string, string>> RemoteDefaultBranchesAsync(CancellationToken cancellationToken);

    /// <summary>The work tree's files: tracked ones and untracked ones that .gitignore does not exclude, relative, '/'-separated.</summary>
    Task<IReadOnlyList<string>> ListFilesAsync(CancellationToken cancellationToken);

    /// <summary>Fetches the branch and the tags from the remote.</summary>
    Task FetchAsync(string remote, string branch, CancellationToken cancellationToken);

    /// <summary>The commit a local ref points at (e.g. refs/remotes/origin/main), or null.</summary>
    Task<string?> RefCommitAsync(string refName, CancellationToken cancellationToken);

    /// <summary>Commits only on the left side and only on the right side of left...right.</summary>
    Task<(int Ahead, int Behind)> AheadBehindAsync(string local, string upstream, CancellationToken cancellationToken);

    /// <summary>The remote's refs matching the patterns (`git ls-remote`): name to object id, tags also with their peeled commit under "name^{}".</summary>
    Task<IReadOnlyDictionary<string, string>> ListRemoteRefsAsync(string remote, IReadOnlyList<string> patterns, CancellationToken cancellationToken);

    /// <summary>The branches, local (refs/heads/…) and remote-tracking (refs/remotes/…), that contain a commit; none when the clone does not have it.</summary>
    Task<IReadOnlyList<string>> BranchesContainingAsync(string commit, CancellationToken cancellationToken);

    /// <summary>A commit's committer date, or null when the clone does not have it.</summary>
    Task<DateTimeOffset?> CommitterDateAsync(string commit, CancellationToken cancellationToken);

    /// <summary>A file as HEAD has it (path relative to the top level), or null when HEAD has no such file.</summary>
    Task<Files.TextFile?> FileAtHeadAsync(string path, CancellationToken cancellationToken);

    /// <summary>The commit a tag names on the remote (an annotated tag peeled), or null when the remote does not have it.</summary>
    Task<string?> RemoteTagCommitAsync(string remote, string tag, CancellationToken cancellationToken);

    /// <summary>Creates the annotated tag on HEAD from the whole message at once (<paramref name="replace"/>: over a local tag of that name).</summary>
    Task CreateAnnotatedTagAsync(string name, string message, bool replace, CancellationToken cancellationToken);

    /// <summary>Creates the annotated tag on <paramref name="commit"/> (a merged release pull request's commit, which may be below HEAD).</summary>
    Task TagCommitAsync(string name, string message, string commit, CancellationToken cancellationToken);

    /// <summary>The local tag: its commit and message when annotated (Target null for a lightweight tag), or null when there is none.</summary>
    Task<AnnotatedTag?> ReadTagAsync(string name, CancellationToken cancellationToken);

    /// <summary>Forgets what killed Slipway runs recorded of their writes in flight, once this run's writes all went through.</summary>
    Task ForgetDeadRunsAsync(CancellationToken cancellationToken);

    /// <summary>Pushes refspecs; with <paramref name="atomic"/> the remote takes all or none.</summary>
    Task PushAsync(string remote, IReadOnlyList<string> refspecs, bool atomic, CancellationToken cancellationToken);

}
