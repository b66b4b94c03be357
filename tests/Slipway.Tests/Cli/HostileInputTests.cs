using System.Text;
using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>Commit messages and ref names are data: never executed, never evaluated, never breaking JSON or the terminal.</summary>
public sealed class HostileInputTests
{
    private const string Canary = "/tmp/slipway-pwned";

    [Fact]
    public void Every_hostile_commit_message_comes_out_of_plan_and_release_as_plain_text()
    {
        // The whole corpus in one release: each message is its own commit, and each must come out whole.
        using var remote = new BareRemote();
        using var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Commit("fix: base");
        repo.Tag("v1.0.0");
        var commits = HostileInputs.CommitMessages.Select(m => (Sha: repo.Commit(m), Subject: repo.Git("log", "-1", "--format=%s"))).ToList();

        var plan = repo.Slipway("plan", "--json");
        Expect.Success(plan);
        var json = JsonDocument.Parse(plan.StandardOutput).RootElement;
        Assert.Equal(commits.Select(c => c.Sha).Reverse(), json.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("sha").GetString()));
        var changelog = json.GetProperty("changelog").GetString()!;
        foreach (var (commit, index) in commits.Select((c, i) => (c, i)))
        {
            Assert.True(changelog.Contains($"({commit.Sha[..7]})", StringComparison.Ordinal), $"message {index} is not in the changelog");
        }

        var text = repo.Slipway("plan");
        Expect.Success(text);
        Assert.DoesNotContain('\u001b', text.StandardOutput);   // terminal escapes are shown, not sent
        Assert.DoesNotContain('\u0007', text.StandardOutput);

        var release = repo.Slipway("release", "--yes");
        Expect.Success(release);
        var tagMessage = remote.Git("cat-file", "-p", "v1.0.1");
        foreach (var (commit, index) in commits.Select((c, i) => (c, i)))
        {
            var subject = commit.Subject.Length > 40 ? commit.Subject[..40] : commit.Subject;
            Assert.True(tagMessage.Contains(subject, StringComparison.Ordinal), $"message {index} is not in the tag's message");
        }

        Assert.False(File.Exists(Canary), "a commit message was executed");
    }

    [Fact]
    public void The_whole_corpus_plans_the_same_read_from_the_files_as_read_by_git()
    {
        // Every hostile message, a merge and an invalid UTF-8 message in one range: the files' reader and git must agree byte for byte.
        using var repo = new GitRepo();
        repo.Commit("fix: base");
        repo.Tag("v1.0.0");
        repo.Branch("side");
        repo.Commit("feat: on a side branch", "side.txt");
        repo.Switch("main");
        foreach (var message in HostileInputs.CommitMessages)
        {
            repo.Commit(message);
        }

        repo.Git("merge", "--quiet", "--no-ff", "--no-edit", "side");
        var messageFile = Path.Combine(repo.Path, "..", $"msg-{Guid.NewGuid():N}");
        File.WriteAllBytes(messageFile, [.. Encoding.ASCII.GetBytes("fix: "), 0xff, 0xfe, (byte)'\n']);
        repo.Git("commit", "--quiet", "--allow-empty", "-F", messageFile);
        File.Delete(messageFile);

        var files = repo.Slipway("plan", "--json", "--bump", "auto", "--verbose");
        var git = repo.Slipway(new Dictionary<string, string?> { ["SLIPWAY_GIT_ONLY"] = "1" }, "plan", "--json", "--bump", "auto", "--verbose");

        Expect.Success(files);
        Expect.Success(git);
        Assert.Contains("read from the repository's files", files.StandardError, StringComparison.Ordinal);
        Assert.Contains("commits read by git (SLIPWAY_GIT_ONLY=1)", git.StandardError, StringComparison.Ordinal);
        Assert.Equal(git.StandardOutput, files.StandardOutput);
        Assert.Equal(HostileInputs.CommitMessages.Count + 2, JsonDocument.Parse(files.StandardOutput).RootElement.GetProperty("commits").GetArrayLength());
    }

    [Fact]
    public void A_commit_message_that_is_not_UTF8_and_a_1MB_body_do_not_break_plan()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: base");
        repo.Tag("v1.0.0");
        var messageFile = Path.Combine(repo.Path, "..", $"msg-{Guid.NewGuid():N}");
        File.WriteAllBytes(messageFile, [.. Encoding.ASCII.GetBytes("fix: "), 0xff, 0xfe, (byte)'\n']);
        repo.WriteFile("a.txt", "a");
        repo.Git("add", "a.txt");
        repo.Git("commit", "--quiet", "-F", messageFile);
        File.Delete(messageFile);
        var body = new string('x', 1024 * 1024);
        repo.Commit($"feat: big\n\n{body}");

        var plan = repo.Slipway("plan", "--json");
        Expect.Success(plan);
        var commits = JsonDocument.Parse(plan.StandardOutput).RootElement.GetProperty("commits").EnumerateArray().ToList();
        Assert.Equal(2, commits.Count);
        Assert.Equal(body, commits[0].GetProperty("body").GetString());
        Assert.StartsWith("fix: ", commits[1].GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.RefNameCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_branch_name_in_the_configuration_is_data_or_a_one_line_error(int index)
    {
        var name = HostileInputs.RefNames[index];
        using var remote = new BareRemote();
        using var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", $"branch: {JsonSerializer.Serialize(name)}\n");
        repo.Commit("fix: a");

        if (!HostileInputs.GitAcceptsBranch(name))
        {
            Expect.OneLineError(repo.Slipway("plan"), 2, "branch");
            Expect.OneLineError(repo.Slipway("release", "--yes"), 2, "branch");
            return;
        }

        repo.Git("switch", "--quiet", "-c", name);
        var result = repo.Slipway("release", "--yes");
        Expect.Success(result);
        Assert.Equal(repo.Head, remote.BranchCommit(name));
        Assert.Equal(repo.Head, remote.Tags()["v0.0.1"]);
        Assert.False(File.Exists(Canary));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.RefNameCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_tag_name_is_not_a_version_and_is_ignored(int index)
    {
        var name = HostileInputs.RefNames[index];
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Commit("fix: b");
        if (repo.TryGit("tag", "--", name).ExitCode != 0)
        {
            return;   // git refuses the name, so no repository can hold it
        }

        var version = repo.Slipway("version");
        Expect.Success(version);
        Assert.Equal("1.0.0\n", version.StandardOutput);
        Expect.Success(repo.Slipway("plan", "--json"));
    }
}
