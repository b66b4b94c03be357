using System.Text;
using Slipway.Adapters.Git;
using Slipway.Adapters.Processes;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;

namespace Slipway.Adapters.Ledger;

/// <summary>The ledger kept in the git remote itself: the ref refs/slipway/ledger, one commit per append, whose tree holds
/// ledger.jsonl. Appends are compare-and-swap pushes (--force-with-lease on the old tip), retried with jitter after a fetch.</summary>
/// <remarks>Only git plumbing on the local clone and the remote a CI job already has: no extra credentials, no server.</remarks>
public sealed class GitLedger(string workingDirectory, string remote) : IDeploymentLedger
{
    public const string LedgerRef = "refs/slipway/ledger";

    /// <summary>Local only: records a refused push left behind, sent again by the next append.</summary>
    public const string PendingRef = "refs/slipway/pending";

    private const string LedgerFile = "ledger.jsonl";
    private const string PendingFile = "pending.jsonl";

    // The ledger's commits must not depend on the clone having user.name/email (CI checkouts do not).
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
        ["LANGUAGE"] = null,
        ["GIT_AUTHOR_NAME"] = "slipway",
        ["GIT_AUTHOR_EMAIL"] = "slipway@localhost",
        ["GIT_COMMITTER_NAME"] = "slipway",
        ["GIT_COMMITTER_EMAIL"] = "slipway@localhost",
    };

    // A push that fails on the same ref lock this many rounds in a row is up against a lock that will not go away by itself.
    private const int StaleLockRounds = 5;

    private readonly GitWriter writer = new(workingDirectory, Environment);

    /// <summary>How many compare-and-swap rounds an append tries before giving up (each loses only to another writer's success).</summary>
    public int MaxAttempts { get; init; } = 60;

    // The remote's tip as this process last saw it (fetched, or pushed by it): the first round of an append pushes against it
    // without fetching again; when another writer moved the ledger since, the lease fails and the next round fetches.
    private (bool Known, string? Tip) lastSeen;

    public async Task<LedgerSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var tip = await FetchAsync(cancellationToken).ConfigureAwait(false);
        var text = tip is null ? string.Empty : await ReadFileAsync(tip, LedgerFile, cancellationToken).ConfigureAwait(false);
        return new LedgerSnapshot(LedgerJson.ParseAll(text), await ReadPendingAsync(cancellationToken).ConfigureAwait(false));
    }

    public Task AppendAsync(IReadOnlyList<DeploymentRecord> records, CancellationToken cancellationToken) =>
        AppendAsync(records, keepFirst: true, cancellationToken);

    public Task AppendStartAsync(IReadOnlyList<DeploymentRecord> records, CancellationToken cancellationToken) =>
        AppendAsync(records, keepFirst: false, cancellationToken);

    /// <param name="keepFirst">Keep the records in the clone (refs/slipway/pending) before sending them: a run killed while it
    /// pushes then loses nothing, the next command sends them. Without, they are kept only when the remote refuses them.</param>
    private async Task AppendAsync(IReadOnlyList<DeploymentRecord> records, bool keepFirst, CancellationToken cancellationToken)
    {
        // Lines are told apart by attempt and outcome (an attempt has a line when it starts and one when it ends).
        var (toWrite, kept) = keepFirst ? await KeepPendingAsync(records, cancellationToken).ConfigureAwait(false) : await PendingAndAsync(records, cancellationToken).ConfigureAwait(false);
        string lastProblem = string.Empty;
        string? lockNamed = null;
        var sameLock = 0;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            string? tip;
            try
            {
                tip = attempt == 1 && lastSeen.Known ? lastSeen.Tip : await FetchAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SlipwayException e)
            {
                if (!keepFirst)
                {
                    await KeepPendingAsync(records, cancellationToken).ConfigureAwait(false);
                }

                throw Refused(e.Error.Message, e.Error.Detail);
            }

            var existing = tip is null ? string.Empty : await ReadFileAsync(tip, LedgerFile, cancellationToken).ConfigureAwait(false);
            var present = LedgerJson.ParseAll(existing).Select(LedgerJson.Key).ToHashSet(StringComparer.Ordinal);
            var missing = toWrite.Where(r => !present.Contains(LedgerJson.Key(r))).ToList();
            if (missing.Count == 0)
            {
                lastSeen = (true, tip);
                await ClearPendingAsync(kept, cancellationToken).ConfigureAwait(false);
                return;
            }

            var text = new StringBuilder(existing);
            if (text.Length > 0 && text[^1] != '\n')
            {
                text.Append('\n');
            }

            foreach (var record in missing)
            {
                text.Append(LedgerJson.Line(record)).Append('\n');
            }

            var last = missing[^1];
            var commit = await CommitFileAsync(LedgerFile, text.ToString(), tip,
                $"slipway: {last.Environment} {last.Version} {DeploymentNames.Of(last.Outcome)}", cancellationToken).ConfigureAwait(false);
            var push = await WriteAsync(["push", "--porcelain", $"--force-with-lease={LedgerRef}:{tip ?? string.Empty}", "--", remote, $"{commit}:{LedgerRef}"],
                null, finish: true, remote, cancellationToken).ConfigureAwait(false);
            if (push.Succeeded)
            {
                lastSeen = (true, commit);
                await GitOkAsync(["update-ref", LedgerRef, commit], cancellationToken, write: true).ConfigureAwait(false);
                await ClearPendingAsync(kept, cancellationToken).ConfigureAwait(false);
                return;
            }

            lastSeen = default;
            var said = push.StandardOutput + "\n" + push.StandardError;
            lastProblem = Reason(said);
            if (!IsLostRace(said))
            {
                if (!keepFirst)
                {
                    await KeepPendingAsync(records, cancellationToken).ConfigureAwait(false);
                }

                throw Refused($"the remote '{remote}' refused the ledger push: {lastProblem}", said);
            }

            // A lock another writer holds goes away in a moment; one that stays is a killed push's, and no retry will pass it.
            var lockPath = StaleLock.Named(said);
            sameLock = lockPath is not null && lockPath == lockNamed ? sameLock + 1 : 0;
            lockNamed = lockPath;
            if (sameLock >= StaleLockRounds)
            {
                if (!keepFirst)
                {
                    await KeepPendingAsync(records, cancellationToken).ConfigureAwait(false);
                }

                throw new SlipwayException(SlipwayError.Failed(
                    $"the ledger push failed {sameLock + 1} times on the same lock: {StaleLock.Line(said)}; the deployment record is kept in this clone ({PendingRef})",
                    StaleLock.Fix(lockPath!), said));
            }

            // Another writer won this round: back off a random, growing while, then re-read and re-apply.
            var ceiling = Math.Min(40 * (1 << Math.Min(attempt, 5)), 1000);
            await Task.Delay(Random.Shared.Next(ceiling / 4, ceiling), cancellationToken).ConfigureAwait(false);
        }

        if (!keepFirst)
        {
            await KeepPendingAsync(records, cancellationToken).ConfigureAwait(false);
        }

        throw Refused($"the ledger push lost {MaxAttempts} races in a row to other writers ({lastProblem})", null);
    }

    /// <summary>Mirrors the remote's ledger ref locally; returns its commit, or null when the remote has no ledger yet.</summary>
    private async Task<string?> FetchAsync(CancellationToken cancellationToken)
    {
        var fetch = await WriteAsync(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--", remote, $"+{LedgerRef}:{LedgerRef}"], null,
            finish: false, null, cancellationToken).ConfigureAwait(false);
        if (!fetch.Succeeded)
        {
            if (!fetch.StandardError.Contains("couldn't find remote ref", StringComparison.Ordinal))
            {
                var said = StaleLock.Line(fetch.StandardError) ?? fetch.LastErrorLine;
                throw new SlipwayException(SlipwayError.Failed(
                    $"cannot read the deployment ledger from '{remote}': {said}",
                    StaleLock.Named(fetch.StandardError) is { } lockPath ? StaleLock.Fix(lockPath) : $"check that the remote '{remote}' is reachable",
                    fetch.StandardError));
            }

            await WriteAsync(["update-ref", "-d", LedgerRef], null, finish: true, null, cancellationToken).ConfigureAwait(false);
            lastSeen = (true, null);
            return null;
        }

        var tip = await GitAsync(["rev-parse", "--verify", "--quiet", LedgerRef + "^{commit}"], null, cancellationToken).ConfigureAwait(false);
        lastSeen = (tip.Succeeded, tip.Succeeded ? tip.StandardOutput.Trim() : null);
        return lastSeen.Tip;
    }

    private async Task<List<DeploymentRecord>> ReadPendingAsync(CancellationToken cancellationToken)
    {
        var tip = await GitAsync(["rev-parse", "--verify", "--quiet", PendingRef + "^{commit}"], null, cancellationToken).ConfigureAwait(false);
        return tip.Succeeded
            ? LedgerJson.ParseAll(await ReadFileAsync(tip.StandardOutput.Trim(), PendingFile, cancellationToken).ConfigureAwait(false))
            : [];
    }

    /// <summary>Adds the records to the pending ones in the clone (compare-and-swap on the ref: two commands in one clone keep
    /// both); returns everything pending and the commit written, which <see cref="ClearPendingAsync"/> removes once sent.</summary>
    private async Task<(List<DeploymentRecord> Pending, string Commit)> KeepPendingAsync(IReadOnlyList<DeploymentRecord> records, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (all, old) = await PendingAndAsync(records, cancellationToken).ConfigureAwait(false);
            var text = string.Concat(all.Select(r => LedgerJson.Line(r) + "\n"));
            var commit = await CommitFileAsync(PendingFile, text, null, "slipway: records not pushed yet", cancellationToken).ConfigureAwait(false);
            var swap = await WriteAsync(["update-ref", PendingRef, commit, old ?? new string('0', commit.Length)], null, finish: true, null, cancellationToken)
                .ConfigureAwait(false);
            if (swap.Succeeded || attempt >= 10)
            {
                return swap.Succeeded ? (all, commit) : throw new SlipwayException(SlipwayError.Failed(
                    $"cannot keep the deployment record in this clone ({PendingRef}): {StaleLock.Line(swap.StandardError) ?? swap.LastErrorLine}",
                    StaleLock.Named(swap.StandardError) is { } lockPath ? StaleLock.Fix(lockPath) : "check the clone (disk space, permissions)", swap.StandardError));
            }
        }
    }

    /// <summary>The pending records followed by <paramref name="records"/>, and the pending commit they were read from (null: none).</summary>
    private async Task<(List<DeploymentRecord> Pending, string? Commit)> PendingAndAsync(IReadOnlyList<DeploymentRecord> records, CancellationToken cancellationToken)
    {
        var tip = await GitAsync(["rev-parse", "--verify", "--quiet", PendingRef + "^{commit}"], null, cancellationToken).ConfigureAwait(false);
        var old = tip.Succeeded ? tip.StandardOutput.Trim() : null;
        var pending = old is null ? [] : LedgerJson.ParseAll(await ReadFileAsync(old, PendingFile, cancellationToken).ConfigureAwait(false));
        var keys = pending.Select(LedgerJson.Key).ToHashSet(StringComparer.Ordinal);
        return ([.. pending, .. records.Where(r => keys.Add(LedgerJson.Key(r)))], old);
    }

    /// <summary>Removes the pending ref if it is still the commit this append wrote or read (records another command added since stay).</summary>
    private async Task ClearPendingAsync(string? kept, CancellationToken cancellationToken)
    {
        if (kept is not null)
        {
            await WriteAsync(["update-ref", "-d", PendingRef, kept], null, finish: true, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> ReadFileAsync(string commit, string file, CancellationToken cancellationToken)
    {
        var result = await GitAsync(["cat-file", "blob", $"{commit}:{file}"], null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.StandardOutput : string.Empty;
    }

    /// <summary>A commit whose tree is one file, made with plumbing (hash-object, mktree, commit-tree): no work tree, no index touched.</summary>
    private async Task<string> CommitFileAsync(string file, string content, string? parent, string message, CancellationToken cancellationToken)
    {
        var blob = (await GitOkAsync(["hash-object", "-w", "--stdin"], cancellationToken, content).ConfigureAwait(false)).Trim();
        var tree = (await GitOkAsync(["mktree"], cancellationToken, $"100644 blob {blob}\t{file}\n").ConfigureAwait(false)).Trim();
        List<string> arguments = ["commit-tree", tree];
        if (parent is not null)
        {
            arguments.AddRange(["-p", parent]);
        }

        return (await GitOkAsync(arguments, cancellationToken, message + "\n").ConfigureAwait(false)).Trim();
    }

    // Lost races: the lease saw another tip (stale info), the remote moved (fetch first / non-fast-forward), or two
    // receive-packs raced for the ref's lock on the server. Everything else (hooks, permissions) is a refusal.
    private static bool IsLostRace(string said) =>
        said.Contains("stale info", StringComparison.Ordinal)
        || said.Contains("fetch first", StringComparison.Ordinal)
        || said.Contains("non-fast-forward", StringComparison.Ordinal)
        || said.Contains("cannot lock ref", StringComparison.Ordinal)
        || said.Contains("failed to update ref", StringComparison.Ordinal)
        || said.Contains("incorrect old value", StringComparison.Ordinal);

    private static string Reason(string said)
    {
        var lines = said.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.StartsWith("remote:", StringComparison.Ordinal) && l.Length > "remote: ".Length)
            ?? lines.FirstOrDefault(l => l.Contains("rejected", StringComparison.Ordinal))
            ?? lines.LastOrDefault()
            ?? "no reason given";
    }

    private static SlipwayException Refused(string message, string? detail) =>
        new(SlipwayError.Failed(
            $"{message}; the deployment record is kept in this clone ({PendingRef})",
            "fix the remote, then the next `slipway deploy`, `promote` or `rollback` pushes it", detail));

    private async Task<string> GitOkAsync(List<string> arguments, CancellationToken cancellationToken, string? input = null, bool write = false)
    {
        var result = write
            ? await WriteAsync(arguments, input, finish: true, null, cancellationToken).ConfigureAwait(false)
            : await GitAsync(arguments, input, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? result.StandardOutput
            : throw new SlipwayException(SlipwayError.Failed(
                $"git {arguments[0]} failed on the deployment ledger (exit {result.ExitCode}): {result.LastErrorLine}",
                "check the clone (disk space, permissions)", result.StandardError));
    }

    // Every git command of the ledger can run again (plumbing, compare-and-swap updates, a push with a lease): one that a
    // Ctrl-C sent to the whole process group ended is run once more, since the record must still be written (only a second
    // Ctrl-C stops that, and the caller passes the token that says so).
    private async Task<ProcessResult> GitAsync(IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken)
    {
        var info = ProcessRunner.StartInfo("git", arguments, workingDirectory, Environment);
        var result = await ProcessRunner.RunAsync(info, input, cancellationToken).ConfigureAwait(false);
        return result.DiedOfSignal ? await ProcessRunner.RunAsync(info, input, cancellationToken).ConfigureAwait(false) : result;
    }

    private async Task<ProcessResult> WriteAsync(IReadOnlyList<string> arguments, string? input, bool finish, string? toRemote, CancellationToken cancellationToken)
    {
        var result = await writer.RunAsync(arguments, input, finish, toRemote, cancellationToken).ConfigureAwait(false);
        return result.DiedOfSignal ? await writer.RunAsync(arguments, input, finish, toRemote, cancellationToken).ConfigureAwait(false) : result;
    }
}
