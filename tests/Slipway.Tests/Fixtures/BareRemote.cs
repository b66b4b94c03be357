using Slipway.Adapters.Ledger;

namespace Slipway.Tests.Fixtures;

/// <summary>A bare repository used as a remote (file://), with switches to make it refuse pushes.</summary>
public sealed class BareRemote : IDisposable
{
    private readonly TempDirectory _directory = new("slipway-remote");

    public BareRemote(string name = "repo.git")
    {
        GitDir = _directory.Combine(name);
        Run.GitOk(_directory.Path, "init", "--quiet", "--bare", "--initial-branch", "main", GitDir);
    }

    /// <summary>The folder that holds the bare repository (the base path for git daemon).</summary>
    public string BasePath => _directory.Path;

    public string GitDir { get; }

    public string Url => "file://" + GitDir;

    public string Git(params string[] arguments) => Run.GitOk(GitDir, arguments);

    /// <summary>A pre-receive hook that refuses every push, as a frozen or broken remote would.</summary>
    public void RefusePushes(string reason = "pushes are frozen (test fault)") =>
        WriteHook("pre-receive", $"#!/bin/sh\necho \"{reason}\" >&2\nexit 1\n");

    /// <summary>An update hook that refuses tags and accepts branches: a non-atomic push would half-succeed.</summary>
    public void RefuseTags() =>
        WriteHook("update", "#!/bin/sh\ncase \"$1\" in refs/tags/*) echo \"tag $1 refused\" >&2; exit 1;; esac\nexit 0\n");

    /// <summary>Puts this text in the deployment ledger (refs/slipway/ledger) as a new commit on its ref, or its first: what another
    /// writer, or an older Slipway, may have left.</summary>
    public void WriteLedger(string text)
    {
        var blob = Run.Process("git", ["hash-object", "-w", "--stdin"], GitDir, null, text).StandardOutput.Trim();
        var tree = Run.Process("git", ["mktree"], GitDir, null, $"100644 blob {blob}\tledger.jsonl\n").StandardOutput.Trim();
        var parent = Run.Git(GitDir, "rev-parse", "--verify", "--quiet", GitLedger.LedgerRef);
        var commit = parent.ExitCode == 0
            ? Git("commit-tree", tree, "-p", parent.StandardOutput.Trim(), "-m", "the ledger as another writer left it")
            : Git("commit-tree", tree, "-m", "the ledger as another writer left it");
        Git("update-ref", GitLedger.LedgerRef, commit);
    }

    /// <summary>The deployment ledger's lines as the remote holds them, byte for byte.</summary>
    public IReadOnlyList<string> LedgerLines()
    {
        var result = Run.Git(GitDir, "show", $"{GitLedger.LedgerRef}:ledger.jsonl");
        return result.ExitCode == 0 ? result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
    }

    public void Heal()
    {
        foreach (var hook in new[] { "pre-receive", "update" })
        {
            File.Delete(System.IO.Path.Combine(GitDir, "hooks", hook));
        }
    }

    /// <summary>The tags on the remote: name to the commit it points at (peeled).</summary>
    public IReadOnlyDictionary<string, string> Tags()
    {
        var output = Git("for-each-ref", "--format=%(refname:lstrip=2) %(objectname) %(*objectname)", "refs/tags/");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => p.Length > 2 && p[2].Length > 0 ? p[2] : p[1], StringComparer.Ordinal);
    }

    public string? BranchCommit(string branch = "main")
    {
        var result = Run.Git(GitDir, "rev-parse", "--verify", "--quiet", $"refs/heads/{branch}");
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    private void WriteHook(string name, string script)
    {
        var path = System.IO.Path.Combine(GitDir, "hooks", name);
        File.WriteAllText(path, script);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => _directory.Dispose();
}
