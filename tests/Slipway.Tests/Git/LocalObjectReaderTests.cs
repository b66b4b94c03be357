using System.Globalization;
using System.Text;
using Slipway.Adapters.Git;
using Slipway.Adapters.Git.Objects;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Git;

/// <summary>
/// The in-process reader of refs and objects must give exactly git's answers: checked against git itself on generated
/// histories (merges, clock skew, unrelated roots) stored every way git stores them (loose, packed, deltified, alternates).
/// </summary>
public sealed class LocalObjectReaderTests : IDisposable
{
    private readonly List<IDisposable> _clones = [];

    public enum Storage
    {
        FastImport,
        Loose,
        Packed,
        Deltified,
        Alternates,
        CommitGraph,
        CommitGraphChain,
    }

    [Theory]
    [InlineData(Storage.Loose, false)]
    [InlineData(Storage.Packed, false)]
    [InlineData(Storage.Deltified, false)]
    [InlineData(Storage.Alternates, false)]
    [InlineData(Storage.Packed, true)]
    [InlineData(Storage.Deltified, true)]
    [InlineData(Storage.CommitGraph, false)]
    [InlineData(Storage.CommitGraphChain, false)]
    public void Reachability_matches_git_on_generated_histories(Storage storage, bool managedZlib)
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            using var repo = new GitRepo();
            var (path, head, tagged) = Generate(repo, seed, storage);

            using var reader = LocalObjectReader.Open(CommonDirectory(path), managedZlib ? new Inflater() : null);
            var notReachable = reader.NotReachableFrom(head, tagged, new HashSet<string>(tagged));

            AssertAsGit(path, head, tagged, notReachable, $"seed {seed} ({storage})");
        }
    }

    [Theory]
    [InlineData(Storage.FastImport, false)]
    [InlineData(Storage.FastImport, true)]
    [InlineData(Storage.Packed, false)]
    [InlineData(Storage.Packed, true)]
    [InlineData(Storage.Deltified, true)]
    [InlineData(Storage.Loose, true)]
    [InlineData(Storage.Alternates, true)]
    public void Reading_ahead_on_a_second_thread_gives_the_same_answers(Storage storage, bool prefetch)
    {
        // readAheadAfter: 1 puts the second thread to work on every walk (by default only long walks get one), and
        // Prefetch starts it on HEAD's history before the walk, as `slipway version` does while it lists the tags.
        for (var seed = 1; seed <= 12; seed++)
        {
            using var repo = new GitRepo();
            var (path, head, tagged) = Generate(repo, seed, storage);

            using var plain = LocalObjectReader.Open(CommonDirectory(path), null, readAheadAfter: int.MaxValue);
            using var reader = LocalObjectReader.Open(CommonDirectory(path), null, readAheadAfter: 1);
            if (prefetch)
            {
                reader.Prefetch(head);
            }

            var notReachable = reader.NotReachableFrom(head, tagged, new HashSet<string>(tagged));
            AssertAsGit(path, head, tagged, notReachable, $"seed {seed} ({storage})");

            var random = new Random(seed);
            foreach (var from in tagged.OrderBy(_ => random.Next()).Take(4))
            {
                var until = tagged[random.Next(tagged.Count)];
                Assert.Equal(plain.Log(from, until, true).Select(Describe), reader.Log(from, until, true).Select(Describe));
            }
        }
    }

    [Theory]
    [InlineData(Storage.FastImport)]
    [InlineData(Storage.Packed)]
    public void A_long_walk_is_read_ahead_in_pack_order_and_answers_as_git_does(Storage storage)
    {
        // The shape that needs it: an unmerged branch of higher tags forked from the middle of a long history, so that
        // proving them unreachable walks ~1,500 commits. Pack order runs both ways: fast-import writes commits oldest first
        // among their trees and blobs, git repack newest first, all together.
        using var repo = new GitRepo();
        var stream = new StringBuilder();
        const int Count = 3_000;
        for (var i = 1; i <= Count; i++)
        {
            var message = $"fix: change {i}\n";
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nmark :{i}\ncommitter Gen <gen@example.com> {1_700_000_000L + (i * 60)} +0000\n");
            stream.Append(CultureInfo.InvariantCulture, $"data {message.Length}\n{message}");
            if (i > 1)
            {
                stream.Append(CultureInfo.InvariantCulture, $"from :{i - 1}\n");
            }

            stream.Append(CultureInfo.InvariantCulture, $"M 644 inline file{i % 5}.txt\ndata {message.Length}\n{message}\n");
            if (i % 10 == 0)
            {
                stream.Append(CultureInfo.InvariantCulture, $"reset refs/tags/v1.{i / 10}.0\nfrom :{i}\n\n");
            }
        }

        for (var k = 1; k <= 40; k++)
        {
            var message = $"feat: side {k}\n";
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/side\nmark :{Count + k}\ncommitter Gen <gen@example.com> {1_700_000_000L + ((Count + k) * 60)} +0000\n");
            stream.Append(CultureInfo.InvariantCulture, $"data {message.Length}\n{message}from :{(k == 1 ? Count / 2 : Count + k - 1)}\n");
            stream.Append(CultureInfo.InvariantCulture, $"M 644 inline side.txt\ndata {message.Length}\n{message}\n");
            stream.Append(CultureInfo.InvariantCulture, $"reset refs/tags/v2.0.0-side.{k}\nfrom :{Count + k}\n\n");
        }

        stream.Append("done\n");
        var imported = Run.Process("git", ["fast-import", "--quiet", "--done"], repo.Path, Run.IsolatedGit, stream.ToString());
        Assert.True(imported.ExitCode == 0, imported.ToString());
        repo.Git("checkout", "--quiet", "--force", "main");
        if (storage == Storage.Packed)
        {
            repo.Git("repack", "-a", "-d", "-q");
        }

        var head = repo.Git("rev-parse", "HEAD");
        var tagged = Run.GitOk(repo.Path, ["for-each-ref", "--format=%(objectname)", "refs/tags"]).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var merged = Run.GitOk(repo.Path, ["tag", "--merged", "HEAD", "--format=%(objectname)"]).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        Assert.Equal(Count / 10, merged.Count);

        using var reader = LocalObjectReader.Open(CommonDirectory(repo.Path));
        reader.Prefetch(head);
        var notReachable = reader.NotReachableFrom(head, tagged, new HashSet<string>(tagged));

        Assert.Equal(tagged.Where(t => !merged.Contains(t)).Order(StringComparer.Ordinal), notReachable.Order(StringComparer.Ordinal));
        Assert.True(reader.CommitsRead >= Count / 2, $"{reader.CommitsRead} commits read");
        Assert.True(reader.CommitsReadAhead > 0, "no commit was read ahead on the second thread");
        var cli = repo.Slipway("version", "--verbose");
        Assert.Equal("1.300.0", cli.StandardOutput.Trim());
        Assert.Contains("read ahead on a second thread", cli.StandardError, StringComparison.Ordinal);
        Assert.Equal("1.300.0", repo.Slipway(new Dictionary<string, string?> { ["SLIPWAY_GIT_ONLY"] = "1" }, "version").StandardOutput.Trim());
    }

    [Theory]
    [InlineData(Storage.Loose)]
    [InlineData(Storage.Packed)]
    [InlineData(Storage.Deltified)]
    public async Task Tags_are_listed_as_git_show_ref_lists_them(Storage storage)
    {
        using var repo = new GitRepo();
        var (path, _, _) = Generate(repo, 99, storage);
        var first = Run.GitOk(path, ["rev-list", "--max-parents=0", "HEAD"]).Split('\n')[0];
        Run.GitOk(path, ["tag", "--annotate", "--message", "tag of a tag", "v900.0.0", "v1.0.0"]);
        Run.GitOk(path, ["tag", "release/v901.0.0", first]);
        Run.GitOk(path, ["tag", "tree-tag", first + "^{tree}"]);
        Run.GitOk(path, ["tag", "-f", "v2.0.0", first]);   // a loose ref that overrides a packed one

        using var reader = LocalObjectReader.Open(CommonDirectory(path));
        var mine = reader.ListTags().OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var git = (await new GitRepository(path).ListTagsAsync(string.Empty, default)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(git, mine);
        Assert.Contains(mine, t => t.Name == "v2.0.0" && t.Commit == first);

        // With a prefix (the configured tag.prefix), the others are skipped: packed and loose alike.
        foreach (var prefix in new[] { "release/", "v2", "v9", "none-" })
        {
            Assert.Equal(mine.Where(t => t.Name.StartsWith(prefix, StringComparison.Ordinal)), reader.ListTags(prefix).OrderBy(t => t.Name, StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Commits_whose_header_is_longer_than_the_first_read_are_read_whole(bool packed)
    {
        // An octopus merge of 16 parents (16 × 48 bytes of parent lines) and an author name of 700 characters: their
        // committer lines start past the first 512 bytes, which the walker inflates first.
        using var repo = new GitRepo();
        var root = repo.Commit("feat: root");
        var parents = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            parents.Add(repo.Git("commit-tree", "-p", root, "-m", $"feat: leg {i}", repo.Git("rev-parse", "HEAD^{tree}")));
        }

        var tree = repo.Git("rev-parse", "HEAD^{tree}");
        var octopus = repo.Git(["commit-tree", .. parents.SelectMany(p => new[] { "-p", p }), "-m", "Merge 16 legs", tree]);
        var environment = new Dictionary<string, string?> { ["GIT_AUTHOR_NAME"] = new string('n', 700) };
        var longAuthor = Run.Process("git", ["commit-tree", "-p", octopus, "-m", "feat: long author", tree], repo.Path, environment);
        Assert.Equal(0, longAuthor.ExitCode);
        var head = longAuthor.StandardOutput.Trim();
        var side = repo.Git("commit-tree", "-p", root, "-m", "feat: not merged", tree);
        if (packed)
        {
            repo.Git("update-ref", "refs/heads/keep", head);
            repo.Git("update-ref", "refs/heads/side", side);
            repo.Git("gc", "--quiet");
        }

        using var reader = LocalObjectReader.Open(CommonDirectory(repo.Path));
        var notReachable = reader.NotReachableFrom(head, [parents[7], parents[15], root, side], new HashSet<string>());

        Assert.Equal([side], notReachable);
    }

    [Theory]
    [InlineData(Storage.Loose)]
    [InlineData(Storage.Packed)]
    [InlineData(Storage.Deltified)]
    [InlineData(Storage.CommitGraphChain)]
    public async Task Ranges_list_the_commits_git_log_lists_in_its_order(Storage storage)
    {
        for (var seed = 1; seed <= 8; seed++)
        {
            using var repo = new GitRepo();
            var (path, head, tagged) = Generate(repo, seed, storage);
            var git = new GitRepository(path);
            using var reader = LocalObjectReader.Open(CommonDirectory(path));
            var random = new Random(seed);
            foreach (var from in tagged.OrderBy(_ => random.Next()).Take(6))
            {
                var until = random.Next(3) == 0 ? tagged[random.Next(tagged.Count)] : head;
                var includeMerges = random.Next(2) == 0;
                var mine = reader.Log(from, until, includeMerges);
                var theirs = new List<Slipway.Core.Commits.Commit>();
                await foreach (var commit in git.LogAsync(from, until, includeMerges, default))
                {
                    theirs.Add(commit);
                }

                // The exact set, from two whole-history walks (git's own range walk may list more under clock skew: its
                // cut-off is a date heuristic; the reader's is exact, and otherwise the lists are the same, in the same order).
                var exact = RevList(path, until, includeMerges).Except(RevList(path, from, true)).ToHashSet(StringComparer.Ordinal);
                var expected = theirs.Where(c => exact.Contains(c.Sha)).ToList();
                Assert.True(exact.SetEquals(mine.Select(c => c.Sha)), $"seed {seed} ({storage}): {from[..7]}..{until[..7]} is not the exact range");
                Assert.Equal(exact.Count, expected.Count); // git lists every commit of the range (and, at most, some more)
                Assert.Equal(expected.Select(Describe), mine.Select(Describe));
            }
        }
    }

    [Theory]
    [InlineData(Storage.Packed, false)]
    [InlineData(Storage.Deltified, false)]
    [InlineData(Storage.Loose, false)]
    [InlineData(Storage.CommitGraphChain, false)]
    [InlineData(Storage.Deltified, true)]
    public void Every_bases_range_and_the_folders_each_commit_changed_come_from_one_walk_as_git_gives_them(Storage storage, bool skew)
    {
        // A monorepo's plan: each package's release is a base; one walk gives every base's range (git log BASE..HEAD) and the
        // folders each commit changed (a file under them in git log --name-only). With clock skew the walk may decline (null).
        string[] folders = ["dir0", "dir1/sub0", "dir2/sub1", "dir2", "missing/folder", "dir0/sub1/file3.txt", "."];
        var answered = 0;
        for (var seed = 1; seed <= 10; seed++)
        {
            using var repo = new GitRepo();
            var (path, head, tagged) = Generate(repo, seed, storage, skew, folders: true);
            // Odd seeds: the range read by two threads, each half with its own store (a long range's way), even: by one.
            using var reader = LocalObjectReader.Open(CommonDirectory(path), null, parallelRangeAfter: seed % 2 == 1 ? 2 : int.MaxValue);
            var random = new Random(seed);
            var ancestors = RevList(path, head, true).ToHashSet(StringComparer.Ordinal);
            List<string?> bases = [.. tagged.OrderBy(_ => random.Next()).Take(1 + random.Next(5))];
            if (random.Next(4) == 0)
            {
                bases.Add(null); // a package never released: its range is the whole history
            }

            var ranges = reader.Ranges(head, bases, folders);
            if (ranges is null)
            {
                Assert.True(skew, $"seed {seed} ({storage}): no clock skew, yet the walk declined");
                continue;
            }

            answered++;
            var named = Run.GitOk(path, ["log", "--format=%x01%H", "--name-only", "--no-renames", "--no-merges", head]).Split('\x01', StringSplitOptions.RemoveEmptyEntries)
                .Select(b => b.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(l => l[0], l => l[1..], StringComparer.Ordinal);
            for (var i = 0; i < bases.Count; i++)
            {
                var exact = bases[i] is { } b ? ancestors.Except(RevList(path, b, true)).ToHashSet(StringComparer.Ordinal) : ancestors;
                var mine = ranges.Where(r => !r.IsReachedBy(i)).Select(r => r.Commit.Sha).ToList();
                Assert.True(exact.SetEquals(mine), $"seed {seed} ({storage}): {bases[i]?[..7] ?? "(none)"}..HEAD is not the exact range");
                if (!skew)
                {
                    // The order git log gives the range (newest first; without clock skew git's set is exact too).
                    var theirs = Run.GitOk(path, bases[i] is { } from ? ["rev-list", head, "^" + from] : ["rev-list", head]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    Assert.Equal(theirs, mine);
                }
            }

            foreach (var range in ranges)
            {
                var files = range.Commit.IsMerge ? [] : named[range.Commit.Sha];
                var expected = folders.Where(f => files.Any(file => f == "." || file == f || file.StartsWith(f + "/", StringComparison.Ordinal)));
                Assert.True(expected.SequenceEqual(range.ChangedFolders), $"seed {seed} ({storage}): {range.Commit.ShortSha} changed [{string.Join(", ", range.ChangedFolders)}], git says [{string.Join(", ", expected)}]");
            }
        }

        Assert.True(skew || answered == 10, "every history without clock skew is answered by the walk");
    }

    [Fact]
    public void The_walk_from_head_lists_the_history_in_git_rev_list_order()
    {
        for (var seed = 1; seed <= 6; seed++)
        {
            using var repo = new GitRepo();
            var (path, head, _) = Generate(repo, seed, Storage.Deltified, skew: false);
            using var reader = LocalObjectReader.Open(CommonDirectory(path));
            Assert.Equal(RevList(path, head, true), reader.Ancestors(head).ToArray());
        }
    }

    [Fact]
    public void Authors_dates_zones_and_messages_read_as_git_log_prints_them()
    {
        using var repo = new GitRepo();
        var baseCommit = repo.Commit("chore: base");
        var stream = new StringBuilder();
        stream.Append(CultureInfo.InvariantCulture, $"reset refs/heads/main\nfrom {baseCommit}\n\n");
        string[] messages =
        [
            "feat(ü): ünïcödé subject\n\nbody with {{ liquid }} and ${{ expr }}\r\nCRLF line\n",
            "fix: no trailing newline",
            "docs: trailing spaces   \n\n\n\nfour newlines above\n\n",
            "",
        ];
        string[] authors = ["Zoë Ünicode <zoe@example.com> 1700000000 -0330", "<only@email> 1 +1400", "Name   <spaced@example.com> 253402300799 +0000", "A <a@b> 86400 -1200"];
        for (var i = 0; i < messages.Length; i++)
        {
            var bytes = Encoding.UTF8.GetByteCount(messages[i]);
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\nauthor {authors[i]}\ncommitter C <c@example.com> {1_700_000_000 + i} +0000\ndata {bytes}\n{messages[i]}\n");
        }

        stream.Append("done\n");
        var imported = Run.Process("git", ["fast-import", "--quiet", "--done", "--force"], repo.Path, Run.IsolatedGit, stream.ToString());
        Assert.True(imported.ExitCode == 0, imported.ToString());
        repo.Git("reset", "--quiet", "--hard", "main");

        using var reader = LocalObjectReader.Open(CommonDirectory(repo.Path));
        var mine = reader.Log(baseCommit, repo.Head, includeMerges: true);
        var theirs = new GitRepository(repo.Path).LogAsync(baseCommit, "HEAD", includeMerges: true, default).ToBlockingEnumerable().ToList();

        Assert.Equal(4, mine.Count);
        Assert.Equal(theirs, mine, (a, b) => Describe(a) == Describe(b));
        Assert.Equal("Zoë Ünicode", mine[^1].AuthorName);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 18, 43, 20, TimeSpan.FromHours(-3.5)), mine[^1].AuthorDate);
        Assert.Equal(string.Empty, mine[0].Message);
    }

    [Fact]
    public void A_commit_in_another_encoding_is_left_to_git()
    {
        using var repo = new GitRepo();
        var baseCommit = repo.Commit("chore: base");
        var latin1 = Encoding.Latin1.GetBytes("feat: caf\u00e9\n");
        var header = $"tree {repo.Git("rev-parse", "HEAD^{tree}")}\nparent {baseCommit}\nauthor A <a@b> 1700000000 +0000\ncommitter A <a@b> 1700000000 +0000\nencoding ISO-8859-1\n\n";
        var object_ = Path.Combine(repo.Path, "latin1-commit");
        File.WriteAllBytes(object_, [.. Encoding.ASCII.GetBytes(header), .. latin1]);
        var id = repo.Git("hash-object", "-t", "commit", "-w", object_);

        using var reader = LocalObjectReader.Open(CommonDirectory(repo.Path));
        var refused = Assert.Throws<NotSupportedException>(() => reader.Log(baseCommit, id, includeMerges: true));
        Assert.Contains("encoding", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Storage.CommitGraph)]
    [InlineData(Storage.CommitGraphChain)]
    public void A_commit_graph_is_read_instead_of_the_commits_and_gives_the_same_answer(Storage storage)
    {
        using var repo = new GitRepo();
        var (path, head, tagged) = Generate(repo, 3, storage);

        using var withGraph = LocalObjectReader.Open(CommonDirectory(path));
        using var withoutGraph = LocalObjectReader.Open(CommonDirectory(path), null, commitGraph: false);
        var fast = withGraph.NotReachableFrom(head, tagged, new HashSet<string>(tagged));
        var slow = withoutGraph.NotReachableFrom(head, tagged, new HashSet<string>(tagged));

        Assert.Equal(slow.Order(StringComparer.Ordinal), fast.Order(StringComparer.Ordinal));
        Assert.True(withGraph.CommitsFromGraph > withGraph.CommitsRead / 2, $"{withGraph.CommitsFromGraph} of {withGraph.CommitsRead} from the graph");
        Assert.Equal(0, withoutGraph.CommitsFromGraph);
    }

    [Fact]
    public void A_damaged_commit_graph_is_not_used()
    {
        using var repo = new GitRepo();
        var (path, head, tagged) = Generate(repo, 4, Storage.CommitGraph);
        var graph = Path.Combine(path, ".git", "objects", "info", "commit-graph");
        var bytes = File.ReadAllBytes(graph);
        bytes[4] = 9; // a version nobody wrote
        File.SetAttributes(graph, FileAttributes.Normal);
        File.WriteAllBytes(graph, bytes);

        using var reader = LocalObjectReader.Open(CommonDirectory(path));
        var notReachable = reader.NotReachableFrom(head, tagged, new HashSet<string>());

        Assert.Equal(0, reader.CommitsFromGraph);
        Assert.All(tagged, t => Assert.Equal(Run.Git(path, ["merge-base", "--is-ancestor", t, head]).ExitCode != 0, notReachable.Contains(t)));
    }

    [Fact]
    public void Deltified_storage_really_holds_commits_as_deltas()
    {
        using var repo = new GitRepo();
        var (path, _, _) = Generate(repo, 5, Storage.Deltified);
        var pack = Directory.GetFiles(Path.Combine(path, ".git", "objects", "pack"), "*.idx").Single();
        var deltas = Run.GitOk(path, ["verify-pack", "-v", pack]).Split('\n')
            .Count(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, "commit", _, _, _, _, _]);
        Assert.True(deltas > 10, $"only {deltas} commits stored as deltas");
    }

    [Fact]
    public void Replace_refs_grafts_and_extensions_are_left_to_git()
    {
        using var repo = new GitRepo();
        var a = repo.Commit("feat: a");
        var b = repo.Commit("feat: b");
        repo.Git("replace", "--graft", b);
        Assert.Throws<NotSupportedException>(() => LocalObjectReader.Open(CommonDirectory(repo.Path)));
        repo.Git("pack-refs", "--all");
        Assert.Throws<NotSupportedException>(() => LocalObjectReader.Open(CommonDirectory(repo.Path)).ListTags());
        repo.Git("replace", "-d", b);
        using (LocalObjectReader.Open(CommonDirectory(repo.Path)))
        {
        }

        repo.Git("config", "extensions.worktreeConfig", "true");
        Assert.Throws<NotSupportedException>(() => LocalObjectReader.Open(CommonDirectory(repo.Path)));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void The_cli_reads_from_files_and_falls_back_to_git_with_the_same_answer()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: a");
        repo.Tag("v1.0.0");
        var base1 = repo.Commit("feat: b");
        repo.Tag("v1.1.0");
        repo.Commit("fix: c");

        var fast = repo.Slipway("version", "--verbose");
        Assert.Equal(0, fast.ExitCode);
        Assert.Equal("1.1.0", fast.StandardOutput.Trim());
        Assert.Contains("read from the repository's files", fast.StandardError, StringComparison.Ordinal);

        // A replace ref changes what git sees as the history: only git can interpret it, and it is asked.
        repo.Git("replace", "--graft", "HEAD", repo.Git("rev-parse", "v1.0.0^{commit}"));
        var replaced = repo.Slipway("version", "--verbose");
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal("1.0.0", replaced.StandardOutput.Trim());
        Assert.Contains("read by git (the repository has grafts or replace refs)", replaced.StandardError, StringComparison.Ordinal);
        Assert.NotEmpty(base1);
    }

    [Fact]
    public void A_linked_worktree_reads_the_main_repository_files()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: a");
        repo.Tag("v1.0.0");
        repo.Commit("feat: b");
        using var worktrees = new TempDirectory("slipway-worktree");
        var linked = Path.Combine(worktrees.Path, "linked");
        repo.Git("worktree", "add", "--quiet", "-b", "other", linked);
        Run.GitOk(linked, ["commit", "--quiet", "--allow-empty", "-m", "feat: c"]);
        Run.GitOk(linked, ["tag", "-a", "-m", "r", "v1.1.0"]);
        Run.GitOk(linked, ["commit", "--quiet", "--allow-empty", "-m", "fix: d"]);

        var result = SlipwayCli.Run(linked, "version", "--verbose");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1.1.0", result.StandardOutput.Trim());
        Assert.Contains("read from the repository's files", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("1.0.0", repo.Slipway("version").StandardOutput.Trim());
    }

    public void Dispose()
    {
        foreach (var clone in _clones)
        {
            clone.Dispose();
        }
    }

    /// <summary>Each of <paramref name="tagged"/> is in <paramref name="notReachable"/> exactly when git says it is not an ancestor of <paramref name="head"/>.</summary>
    private static void AssertAsGit(string path, string head, IEnumerable<string> tagged, IReadOnlySet<string> notReachable, string what)
    {
        foreach (var commit in tagged)
        {
            var ancestor = Run.Git(path, ["merge-base", "--is-ancestor", commit, head]).ExitCode == 0;
            Assert.True(ancestor != notReachable.Contains(commit), $"{what}: {commit} is {(ancestor ? "" : "not ")}an ancestor of {head} for git");
        }
    }

    private static string Describe(Slipway.Core.Commits.Commit c) =>
        $"{c.Sha} [{string.Join(' ', c.Parents)}] {c.AuthorName} <{c.AuthorEmail}> {c.AuthorDate:O} {c.Message}";

    private static string[] RevList(string path, string tip, bool includeMerges) =>
        Run.GitOk(path, includeMerges ? ["rev-list", tip] : ["rev-list", "--no-merges", tip]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string CommonDirectory(string path) =>
        Path.GetFullPath(Run.GitOk(path, ["rev-parse", "--git-common-dir"]), path);

    /// <summary>
    /// A random history written with fast-import: ~80 commits, a fifth of them merges, some with unrelated roots, dates that
    /// go backwards (clock skew), version tags (annotated and lightweight) on a third of them; HEAD somewhere in the middle.
    /// </summary>
    /// <param name="skew">Some commits dated before their parents; without it, every parent is older than its children.</param>
    /// <param name="folders">Files in folders two deep (dir0/sub1/file3.txt), some deleted, instead of all at the root.</param>
    private (string Path, string Head, List<string> Tagged) Generate(GitRepo repo, int seed, Storage storage, bool skew = true, bool folders = false)
    {
        var random = new Random(seed);
        var stream = new StringBuilder();
        const int Count = 80;
        var body = string.Concat(Enumerable.Repeat("The same long paragraph that makes commits similar enough to be stored as deltas. ", 12));
        for (var i = 1; i <= Count; i++)
        {
            var time = 1_700_000_000L + (i * 60) + (skew && random.Next(5) == 0 ? -random.Next(100_000) : 0);
            var message = $"feat: change {i}\n\n{body}{i}\n";
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/c{i}\nmark :{i}\n");
            stream.Append(CultureInfo.InvariantCulture, $"committer Gen <gen@example.com> {time} +0000\n");
            stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}");
            if (i > 1 && random.Next(12) != 0)
            {
                stream.Append(CultureInfo.InvariantCulture, $"from :{Math.Max(1, i - 1 - random.Next(Math.Min(i - 1, 6)))}\n");
                if (i > 3 && random.Next(5) == 0)
                {
                    stream.Append(CultureInfo.InvariantCulture, $"merge :{1 + random.Next(i - 1)}\n");
                }
            }

            var file = folders ? $"dir{random.Next(3)}/sub{random.Next(2)}/file{i % 7}.txt" : $"file{i % 7}.txt";
            if (folders && random.Next(6) == 0)
            {
                stream.Append(CultureInfo.InvariantCulture, $"D dir{random.Next(3)}/sub{random.Next(2)}\n");
            }

            stream.Append(CultureInfo.InvariantCulture, $"M 644 inline {file}\ndata {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
            if (random.Next(3) == 0 || i == 1)
            {
                if (random.Next(2) == 0)
                {
                    stream.Append(CultureInfo.InvariantCulture, $"tag v{i}.0.0\nfrom :{i}\ntagger Gen <gen@example.com> {time} +0000\ndata 8\nrelease\n\n");
                }
                else
                {
                    stream.Append(CultureInfo.InvariantCulture, $"reset refs/tags/v{i}.0.0\nfrom :{i}\n\n");
                }
            }
        }

        var headMark = (Count / 2) + random.Next(Count / 2);
        stream.Append(CultureInfo.InvariantCulture, $"reset refs/heads/main\nfrom :{headMark}\n\ndone\n");
        var imported = Run.Process("git", ["fast-import", "--quiet", "--done"], repo.Path, Run.IsolatedGit, stream.ToString());
        Assert.True(imported.ExitCode == 0, imported.ToString());
        repo.Git("checkout", "--quiet", "--force", "main");

        var path = repo.Path;
        var objects = Path.Combine(path, ".git", "objects");
        switch (storage)
        {
            case Storage.FastImport:
                // As fast-import wrote it: commits oldest first, each among its trees and blobs (the benchmarks' repositories).
                Assert.Single(Directory.GetFiles(Path.Combine(objects, "pack"), "*.pack"));
                break;
            case Storage.Loose:
                foreach (var pack in Directory.GetFiles(Path.Combine(objects, "pack"), "*.pack"))
                {
                    var moved = pack + ".moved";
                    File.Move(pack, moved);
                    File.Delete(Path.ChangeExtension(pack, ".idx"));
                    // unpack-objects reads the pack on stdin; the path is a positional parameter, never part of the script.
                    var unpacked = Run.Process("sh", ["-c", "exec git unpack-objects -q < \"$1\"", "sh", moved], path, Run.IsolatedGit);
                    Assert.True(unpacked.ExitCode == 0, unpacked.ToString());
                    File.Delete(moved);
                }

                Assert.Empty(Directory.GetFiles(Path.Combine(objects, "pack"), "*.pack"));
                break;
            case Storage.Packed:
                repo.Git("repack", "-a", "-d", "-q");
                repo.Git("pack-refs", "--all");
                Assert.False(File.Exists(Path.Combine(objects, "info", "commit-graph")));
                break;
            case Storage.CommitGraph:
                repo.Git("gc", "--quiet");
                repo.Git("commit-graph", "write", "--reachable");
                // Commits made after the graph was written are read from the objects: a graph behind the history is fine.
                repo.Commit("fix: after the commit-graph");
                Assert.True(File.Exists(Path.Combine(objects, "info", "commit-graph")));
                break;
            case Storage.CommitGraphChain:
                repo.Git("repack", "-a", "-d", "-q");
                var older = Run.GitOk(path, ["rev-list", "--all"]).Split('\n').Skip(20).ToList();
                Assert.Equal(0, Run.Process("git", ["commit-graph", "write", "--split=no-merge", "--stdin-commits"], path, Run.IsolatedGit, string.Join('\n', older) + "\n").ExitCode);
                repo.Git("commit-graph", "write", "--split=no-merge", "--reachable");
                var chain = Path.Combine(objects, "info", "commit-graphs", "commit-graph-chain");
                Assert.True(File.ReadAllLines(chain).Length >= 2, "a chain of two layers was not written");
                break;
            case Storage.Deltified:
                repo.Git("repack", "-a", "-d", "-f", "-q", "--window=250", "--depth=50");
                repo.Git("pack-refs", "--all");
                break;
            case Storage.Alternates:
                repo.Git("gc", "--quiet");
                var clone = GitRepo.Clone(path, "--shared");
                _clones.Add(clone);
                Assert.True(File.Exists(Path.Combine(clone.Path, ".git", "objects", "info", "alternates")));
                clone.Commit("fix: on top, stored in the clone");
                path = clone.Path;
                break;
        }

        var tags = Run.GitOk(path, ["for-each-ref", "--format=%(objectname) %(*objectname)", "refs/tags"]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ') is [var o, var p] && p.Length > 0 ? p : l.Split(' ')[0]).Distinct().ToList();
        var head = Run.GitOk(path, ["rev-parse", "HEAD"]);
        return (path, head, tags);
    }
}
