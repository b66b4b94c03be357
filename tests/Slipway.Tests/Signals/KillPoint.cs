using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Signals;

/// <summary>
/// Where a kill lands in a release, exactly: a hook that holds git at that moment (the test then signals slipway or its
/// group), or a system call of slipway's where strace delivers the signal itself. Named for the test's row.
/// </summary>
public sealed record KillPoint(string Name, Func<ReleaseRepo, HoldPoint, Signal, IReadOnlyList<string>?> Arrange)
{
    /// <summary>Points where a hook holds git: the test sends the signal (to slipway alone or to its group).</summary>
    public static IReadOnlyList<KillPoint> Hooks { get; } =
    [
        Hook("commit (git commit holds .git/index.lock)", (r, g) => g.Hook(r.GitDirectory, "pre-commit")),
        Hook("tag (git tag holds refs/tags/v0.2.0.lock)", (r, g) => g.Hook(r.GitDirectory, "reference-transaction", Prepared("refs/tags/v0.2.0"))),
        Hook("push, before it sends (pre-push)", (r, g) => g.Hook(r.GitDirectory, "pre-push")),
        Hook("push, the remote has the objects (pre-receive)", (r, g) => g.Hook(r.Remote.GitDir, "pre-receive")),
        Hook("push, the remote holds its ref locks", (r, g) => g.Hook(r.Remote.GitDir, "reference-transaction", Prepared("refs/tags/v0.2.0"))),
        Hook("push, accepted: the clone updates origin/main", (r, g) => g.Hook(r.GitDirectory, "reference-transaction", Prepared("refs/remotes/origin/main"))),
    ];

    /// <summary>
    /// Points in slipway's own file writes where strace delivers the signal itself: the flush of the first file it writes (only
    /// slipway flushes: git does not by default) and the rename of it into place (every process's first rename gets the signal:
    /// slipway's comes before any git process of the release renames anything; later git processes then get one too, a fault
    /// of their own on top).
    /// </summary>
    public static IReadOnlyList<KillPoint> Writes { get; } =
    [
        new("fsync of the first file written (the new CHANGELOG.md)", (_, _, s) => Inject("fsync,fdatasync", s)),
        new("rename of the first file written into place (CHANGELOG.md)", (_, _, s) => Inject("rename,renameat,renameat2", s)),
    ];

    /// <summary>
    /// A random point: the Nth run of the reference-transaction hook (every ref update of the release: its commit, tag, push,
    /// in the clone or in the remote, prepared or committed), or the Nth run of a hook of the commit or the push.
    /// </summary>
    /// <summary>After the release commit's ref is written and before git commit lets go of .git/index.lock: the re-run needs no
    /// index (the commit is there), so only the end of the run can find the lock and remove it.</summary>
    public static KillPoint CommitRefWritten { get; } =
        Hook("reference-transaction #2 in the clone (the commit is made, git still holds .git/index.lock)", (r, g) => g.Hook(r.GitDirectory, "reference-transaction", nth: 2));

    public static KillPoint Random(Random random)
    {
        var where = random.Next(3);
        var nth = random.Next(1, where == 0 ? 9 : 3);
        return where switch
        {
            0 => Hook($"random: reference-transaction #{nth} in the clone", (r, g) => g.Hook(r.GitDirectory, "reference-transaction", nth: nth)),
            1 => Hook($"random: reference-transaction #{nth} in the remote", (r, g) => g.Hook(r.Remote.GitDir, "reference-transaction", nth: nth)),
            _ => Hook($"random: post-commit #{nth}", (r, g) => g.Hook(r.GitDirectory, "post-commit", nth: nth)),
        };
    }

    public bool ByStrace(ReleaseRepo repo, HoldPoint gate, Signal signal, out IReadOnlyList<string>? strace)
    {
        strace = Arrange(repo, gate, signal);
        return strace is not null;
    }

    public override string ToString() => Name;

    private static KillPoint Hook(string name, Action<ReleaseRepo, HoldPoint> install) =>
        new(name, (r, g, _) =>
        {
            install(r, g);
            return null;
        });

    private static string[] Inject(string calls, Signal signal) =>
        ["-e", $"trace={calls}", "-e", $"inject={calls}:signal={signal.ToString()[3..].ToUpperInvariant()}:when=1"];

    private static string Prepared(string refName) => $"[ \"$1\" = prepared ] && grep -q ' {refName}$'";
}
