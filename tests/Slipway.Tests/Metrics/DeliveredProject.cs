using System.Globalization;
using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Core.Versioning;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Metrics;

/// <summary>
/// An agent-bus project with a known delivery history, in a real repository with a bare remote: commits at known times,
/// tags v1.2.0..v1.4.0, and a ledger written by the real <see cref="GitLedger"/> (a promotion path staging → production,
/// a failed promotion, a rollback). The figures of May 2026 in production, counted by hand:
/// <list type="bullet">
/// <item>deployments reaching helm: promote 1.3.0 ✗, promote 1.3.0 ✓, promote 1.3.1 ✓ (marked bad by the rollback), promote 1.4.0 ✓ = 4; failures 2: 50%</item>
/// <item>successful: 3 in 28 days: 0.75 a week, 0.11 a day</item>
/// <item>lead times: 1.3.0 brings "retry" 28h and "batch publish" 22h, 1.3.1 brings "memory leak" 25h, 1.4.0 brings "migrations"
/// 49h (and "memory leak" again, which counts at its first arrival): median (25h+28h)/2 = 26h30m, p90 (nearest rank 4 of 4) 49h</item>
/// <item>restores: the failed promotion 12:00 → 13:00 = 1h, 1.3.1 11:00 → rollback 15:00 = 4h: median 2h30m</item>
/// </list>
/// </summary>
public sealed class DeliveredProject : IDisposable
{
    public static readonly DateTimeOffset May = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Config = """
        environments:
          staging:
            helm: { release: agent-bus, chart: ./helm/agent-bus, namespace: agent-bus-staging }
          production:
            helm: { release: agent-bus, chart: ./helm/agent-bus, namespace: agent-bus-prod }
            requires: { promoted_from: staging }
        """;

    public DeliveredProject(IReadOnlyList<string>? extraMessages = null)
    {
        Repo.Git("config", "user.name", "Ada Lovelace");
        Repo.Git("config", "user.email", "ada@example.com");
        Repo.Git("remote", "add", "origin", Remote.Url);
        Repo.WriteFile("slipway.yml", Config);
        Repo.CommitAt("feat: agent bus", At(2, 9));
        Repo.Tag("v1.2.0");
        Repo.CommitAt("fix: retry on timeout", At(5, 9));
        foreach (var (message, i) in (extraMessages ?? []).Select((m, i) => (m, i)))
        {
            Repo.CommitAt(message, At(5, 10).AddMinutes(i), $"hostile/{i.ToString(CultureInfo.InvariantCulture)}.txt");
        }

        Repo.CommitAt("feat(api): batch publish", At(5, 15));
        Repo.Tag("v1.3.0");
        Repo.CommitAt("fix: memory leak in the consumer", At(10, 10));
        Repo.Tag("v1.3.1");
        Repo.CommitAt("fix: rollback-safe migrations", At(16, 8));
        Repo.Tag("v1.4.0");
        Repo.Git("push", "--quiet", "origin", "main", "--tags");
    }

    public BareRemote Remote { get; } = new();

    public GitRepo Repo { get; } = new();

    /// <summary>The history of the class summary, appended to the remote ledger in the order it happened.</summary>
    public async Task WriteLedgerAsync(string? reason = null)
    {
        await AppendAsync(
            Record("staging", "1.2.0", DeploymentAction.Deploy, DeploymentOutcome.Succeeded, At(2, 12)),
            Record("production", "1.2.0", DeploymentAction.Promote, DeploymentOutcome.Succeeded, At(2, 14)) with { From = "staging" },
            Record("staging", "1.3.0", DeploymentAction.Deploy, DeploymentOutcome.Succeeded, At(6, 10)) with { Reason = reason },
            Record("production", "1.3.0", DeploymentAction.Promote, DeploymentOutcome.Failed, At(6, 12)) with { From = "staging", Detail = "helm: UPGRADE FAILED: timed out waiting for the condition" },
            Record("production", "1.3.0", DeploymentAction.Promote, DeploymentOutcome.Succeeded, At(6, 13)) with { From = "staging" },
            Record("staging", "1.3.1", DeploymentAction.Deploy, DeploymentOutcome.Succeeded, At(11, 9)),
            Record("production", "1.3.1", DeploymentAction.Promote, DeploymentOutcome.Succeeded, At(11, 11)) with { From = "staging" },
            Record("production", "1.3.1", DeploymentAction.Rollback, DeploymentOutcome.RolledBack, At(11, 15)) with { Detail = "rolled back to 1.3.0", Reason = "memory grows" },
            Record("production", "1.3.0", DeploymentAction.Rollback, DeploymentOutcome.Succeeded, At(11, 15)) with { Reason = "memory grows" },
            Record("staging", "1.4.0", DeploymentAction.Deploy, DeploymentOutcome.Succeeded, At(17, 9)),
            Record("production", "1.4.0", DeploymentAction.Promote, DeploymentOutcome.Succeeded, At(18, 9)) with { From = "staging" });
    }

    public Task AppendAsync(params DeploymentRecord[] records) => new GitLedger(Repo.Path, "origin").AppendAsync(records, default);

    public DeploymentRecord Record(string environment, string version, DeploymentAction action, DeploymentOutcome outcome, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..16],
        Environment = environment,
        Version = SemanticVersion.Parse(version),
        Action = action,
        Outcome = outcome,
        At = at,
        Actor = "Ada Lovelace <ada@example.com>",
        Commit = TagCommit(version),
    };

    /// <summary>The commit of the version's tag, or null when the clone has no such tag.</summary>
    private string? TagCommit(string version)
    {
        var result = Run.Git(Repo.Path, "rev-parse", "--verify", "--quiet", $"v{version}^{{commit}}");
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    public static DateTimeOffset At(int day, int hour) => May.AddDays(day - 1).AddHours(hour);

    public RunResult Slipway(params string[] arguments) => Repo.Slipway(arguments);

    public void Dispose()
    {
        Repo.Dispose();
        Remote.Dispose();
    }
}
