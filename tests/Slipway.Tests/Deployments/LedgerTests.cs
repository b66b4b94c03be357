using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>The ledger on real bare remotes: file:// and git daemon, concurrent writers, a remote that refuses.</summary>
public sealed class LedgerTests
{
    [Fact]
    public async Task Each_append_is_one_commit_on_the_remote_ledger_ref_with_one_json_line_per_attempt()
    {
        using var remote = new BareRemote();
        using var clone = GitRepo.Clone(remote.Url);
        var ledger = new GitLedger(clone.Path, "origin");

        await ledger.AppendAsync([Record("staging", "1.3.0")], default);
        await ledger.AppendAsync([Record("staging", "1.3.1"), Record("production", "1.3.0")], default);

        var lines = RemoteLines(remote);
        Assert.Equal(3, lines.Count);
        Assert.Contains("\"version\":\"1.3.1\"", lines[1], StringComparison.Ordinal);
        Assert.Equal("2", remote.Git("rev-list", "--count", GitLedger.LedgerRef));
        using var other = GitRepo.Clone(remote.Url);
        var snapshot = await new GitLedger(other.Path, "origin").ReadAsync(default);
        Assert.Equal(["1.3.0", "1.3.1", "1.3.0"], snapshot.Records.Select(r => r.Version.ToString()));
        Assert.Empty(snapshot.Pending);
    }

    [Fact]
    public async Task Twenty_concurrent_writers_in_twenty_clones_lose_no_entry()
    {
        using var remote = new BareRemote();
        var clones = Enumerable.Range(0, 20).Select(_ => GitRepo.Clone(remote.Url)).ToList();
        try
        {
            var records = clones.Select((c, i) => Record("staging", $"1.0.{i}")).ToList();
            await Task.WhenAll(clones.Select((c, i) => Task.Run(() => new GitLedger(c.Path, "origin").AppendAsync([records[i]], default))));

            var lines = RemoteLines(remote);
            Assert.Equal(20, lines.Count);
            Assert.Equal(records.Select(r => r.Id).Order(), LedgerJson.ParseAll(string.Join('\n', lines)).Select(r => r.Id).Order());
            Assert.Equal("20", remote.Git("rev-list", "--count", GitLedger.LedgerRef));
        }
        finally
        {
            clones.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Concurrent_writers_over_git_daemon_lose_no_entry()
    {
        using var remote = new BareRemote();
        using var daemon = new GitDaemon(remote);
        var clones = Enumerable.Range(0, 8).Select(_ => GitRepo.Clone(daemon.Url)).ToList();
        try
        {
            await Task.WhenAll(clones.Select((c, i) => Task.Run(() => new GitLedger(c.Path, "origin").AppendAsync([Record("production", $"2.0.{i}")], default))));

            Assert.Equal(8, RemoteLines(remote).Count);
            var read = await new GitLedger(clones[0].Path, "origin").ReadAsync(default);
            Assert.Equal(8, read.Records.Select(r => r.Id).Distinct().Count());
        }
        finally
        {
            clones.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task A_refused_push_keeps_the_record_in_the_clone_and_the_next_append_delivers_it()
    {
        using var remote = new BareRemote();
        using var clone = GitRepo.Clone(remote.Url);
        var ledger = new GitLedger(clone.Path, "origin");
        await ledger.AppendAsync([Record("staging", "1.0.0")], default);
        remote.RefusePushes("ledger is frozen (test fault)");

        var refused = Record("staging", "1.1.0");
        var error = await Assert.ThrowsAsync<SlipwayException>(() => ledger.AppendAsync([refused], default));

        Assert.Equal(ExitCode.Failed, error.Error.Code);
        Assert.DoesNotContain('\n', error.Error.OneLine());
        Assert.Contains("ledger is frozen (test fault)", error.Error.OneLine(), StringComparison.Ordinal);
        Assert.Contains(GitLedger.PendingRef, error.Error.OneLine(), StringComparison.Ordinal);
        Assert.Single(RemoteLines(remote));
        var read = await ledger.ReadAsync(default);
        Assert.Equal([refused.Id], read.Pending.Select(p => p.Id));
        Assert.Equal(["1.0.0", "1.1.0"], read.History().Records.Select(r => r.Version.ToString()));

        remote.Heal();
        await ledger.AppendAsync([Record("staging", "1.2.0")], default);

        Assert.Equal(3, RemoteLines(remote).Count);
        Assert.Empty((await ledger.ReadAsync(default)).Pending);
        Assert.NotEqual(0, clone.TryGit("rev-parse", "--verify", "--quiet", GitLedger.PendingRef).ExitCode);
    }

    [Fact]
    public async Task An_unreachable_remote_is_a_one_line_failure_and_nothing_is_lost()
    {
        using var remote = new BareRemote();
        using var clone = GitRepo.Clone(remote.Url);
        clone.Git("remote", "set-url", "origin", "file:///nonexistent/slipway-remote.git");
        var ledger = new GitLedger(clone.Path, "origin");

        var error = await Assert.ThrowsAsync<SlipwayException>(() => ledger.AppendAsync([Record("staging", "1.0.0")], default));

        Assert.Equal(ExitCode.Failed, error.Error.Code);
        Assert.DoesNotContain('\n', error.Error.OneLine());
        clone.Git("remote", "set-url", "origin", remote.Url);
        await ledger.AppendAsync([], default);
        Assert.Single(RemoteLines(remote));
    }

    [Theory]
    [InlineData("1.3.0", "1.3.0")]
    [InlineData("1.4.0-rc.1+build.7", "1.4.0-rc.1\\u002Bbuild.7")] // the writer has always escaped '+' (Utf8JsonWriter's default encoder)
    [InlineData("10.20.30-alpha.beta.1", "10.20.30-alpha.beta.1")]
    public void A_line_as_slipway_writes_it_today_reads_as_its_version_and_writes_back_byte_for_byte(string version, string inJson)
    {
        var line = $$"""{"schema":1,"id":"a1","environment":"staging","version":"{{inJson}}","action":"deploy","outcome":"succeeded","at":"2026-12-01T10:00:00Z","actor":"ada","commit":"4f2c1ab","forced":false}""";

        var record = LedgerJson.Parse(line)!;

        Assert.Equal(SemanticVersion.Parse(version), record.Version);
        Assert.Equal(line, LedgerJson.Line(record));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("v1.3.0")]
    [InlineData("1.3")]
    [InlineData("01.3.0")]
    [InlineData("")]
    public void A_line_whose_version_is_not_a_semantic_version_is_skipped_like_any_line_this_slipway_does_not_understand(string version)
    {
        var good = """{"schema":1,"id":"a1","environment":"staging","version":"1.3.0","action":"deploy","outcome":"succeeded","at":"2026-12-01T10:00:00Z","actor":"ada","forced":false}""";
        var odd = $$"""{"schema":1,"id":"x1","environment":"staging","version":"{{version}}","action":"deploy","outcome":"succeeded","at":"2026-12-01T11:00:00Z","actor":"a script","forced":false}""";

        Assert.Null(LedgerJson.Parse(odd));
        Assert.Equal(["a1"], LedgerJson.ParseAll(good + "\n" + odd + "\n").Select(r => r.Id));
    }

    internal static DeploymentRecord Record(string environment, string version, DeploymentOutcome outcome = DeploymentOutcome.Succeeded) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..16],
        Environment = environment,
        Version = SemanticVersion.Parse(version),
        Action = DeploymentAction.Deploy,
        Outcome = outcome,
        At = DateTimeOffset.UtcNow,
        Actor = "tester",
    };

    private static List<string> RemoteLines(BareRemote remote)
    {
        var result = Run.Git(remote.GitDir, "show", $"{GitLedger.LedgerRef}:ledger.jsonl");
        return result.ExitCode == 0 ? [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)] : [];
    }
}
