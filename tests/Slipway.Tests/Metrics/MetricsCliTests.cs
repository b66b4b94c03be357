using System.Text.Json;
using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Tests.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Metrics;

/// <summary>`slipway metrics` as a user runs it on a real repository and ledger: the figures a hand count gives, and bad input.</summary>
public sealed class MetricsCliTests
{
    private static readonly string[] May = ["--since", "2026-05-04", "--until", "2026-05-31"];

    [Fact]
    public async Task Metrics_of_production_print_the_four_figures_a_hand_count_of_the_ledger_gives()
    {
        using var project = new DeliveredProject();
        await project.WriteLedgerAsync();

        var result = project.Slipway(["metrics", "production", .. May]);

        Expect.Success(result);
        Assert.Equal("""
            production, 2026-05-04 to 2026-05-31 (28 days)
            deployment frequency   0.75 a week (3 successful deployments; 0.11 a day)
            lead time for changes  median 1d 2h, p90 2d 1h (4 commits)
            change failure rate    50% (2 of 4 deployments)
            time to restore        median 2h 30m (2 restores)

            """.Replace("\r", "", StringComparison.Ordinal), result.StandardOutput);
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Fact]
    public async Task The_default_environment_is_the_last_of_the_promotion_path_and_json_gives_the_exact_figures()
    {
        using var project = new DeliveredProject();
        await project.WriteLedgerAsync();

        var result = project.Slipway(["metrics", "--json", .. May]);

        Expect.Success(result);
        var root = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal("production", root.GetProperty("environment").GetString());
        Assert.Equal("2026-05-04T00:00:00Z", root.GetProperty("window").GetProperty("since").GetString());
        Assert.Equal("2026-06-01T00:00:00Z", root.GetProperty("window").GetProperty("until").GetString());
        Assert.Equal(3, root.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
        Assert.Equal(0.75, root.GetProperty("deploymentFrequency").GetProperty("perWeek").GetDouble());
        Assert.Equal(4, root.GetProperty("leadTimeForChanges").GetProperty("changes").GetInt32());
        Assert.Equal(26.5 * 3600, root.GetProperty("leadTimeForChanges").GetProperty("medianSeconds").GetInt64());
        Assert.Equal(49 * 3600, root.GetProperty("leadTimeForChanges").GetProperty("p90Seconds").GetInt64());
        Assert.Equal(0.5, root.GetProperty("changeFailureRate").GetProperty("rate").GetDouble());
        Assert.Equal(2.5 * 3600, root.GetProperty("timeToRestore").GetProperty("medianSeconds").GetInt64());
        Assert.Equal([1, 1, 1, 0], root.GetProperty("trend").EnumerateArray().Select(p => p.GetProperty("deployments").GetInt32()));
    }

    [Fact]
    public async Task Staging_has_its_own_figures()
    {
        using var project = new DeliveredProject();
        await project.WriteLedgerAsync();

        var result = project.Slipway(["metrics", "staging", "--json", .. May]);

        var root = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(3, root.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
        Assert.Equal(0, root.GetProperty("changeFailureRate").GetProperty("failures").GetInt32());
        // 1.3.0 (6th 10:00) brings the retry fix (25h) and batch publish (19h), 1.3.1 the leak fix (23h), 1.4.0 the migrations (25h): median 24h.
        Assert.Equal(4, root.GetProperty("leadTimeForChanges").GetProperty("changes").GetInt32());
        Assert.Equal(24 * 3600, root.GetProperty("leadTimeForChanges").GetProperty("medianSeconds").GetInt64());
    }

    [Fact]
    public void An_unknown_environment_is_exit_2_naming_the_ones_that_exist()
    {
        using var project = new DeliveredProject();

        var result = project.Slipway("metrics", "prod");

        Expect.OneLineError(result, 2, "unknown environment 'prod'", "use one of: staging, production");
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Theory]
    [InlineData("soon", "--since 'soon' is neither a span nor a date")]
    [InlineData("2026-13-01", "--since '2026-13-01' is neither a span nor a date")]
    public void A_since_that_does_not_read_is_exit_2(string since, string message)
    {
        using var project = new DeliveredProject();

        Expect.OneLineError(project.Slipway("metrics", "--since", since), 2, message);
    }

    [Fact]
    public void An_empty_ledger_says_no_deployments_in_the_window()
    {
        using var project = new DeliveredProject();

        var text = project.Slipway(["metrics", .. May]);
        var json = project.Slipway(["metrics", "--json", .. May]);

        Expect.Success(text);
        Assert.Equal("production, 2026-05-04 to 2026-05-31 (28 days): no deployments in the window\n", text.StandardOutput);
        Assert.True(JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("empty").GetBoolean());
    }

    [Fact]
    public async Task Records_of_an_older_ledger_format_count_with_the_commit_read_from_their_tag_and_unreadable_lines_are_skipped()
    {
        using var project = new DeliveredProject();
        await project.WriteLedgerAsync();
        // Lines as a first ledger wrote them: no schema, commit, actor or forced; and one line no version of Slipway wrote.
        var lines = string.Concat(project.Remote.LedgerLines().Select(l => l + "\n"))
            + "this is not json\n"
            + """{"id":"old1","environment":"production","version":"1.4.0","action":"deploy","outcome":"failed","at":"2026-05-20T09:00:00Z"}""" + "\n"
            + """{"id":"old2","environment":"production","version":"1.4.0","action":"deploy","outcome":"succeeded","at":"2026-05-20T10:00:00Z"}""" + "\n";
        project.Remote.WriteLedger(lines.Replace($",\"commit\":\"{project.Repo.Git("rev-parse", "v1.4.0^{commit}")}\"", string.Empty, StringComparison.Ordinal));

        var result = project.Slipway(["metrics", "--json", .. May]);

        Expect.Success(result);
        var root = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(4, root.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
        Assert.Equal("3/6", $"{root.GetProperty("changeFailureRate").GetProperty("failures").GetInt32()}/{root.GetProperty("changeFailureRate").GetProperty("deployments").GetInt32()}");
        Assert.Equal(4, root.GetProperty("leadTimeForChanges").GetProperty("changes").GetInt32());
        Assert.Equal(0, root.GetProperty("deploymentsWithoutCommit").GetInt32());
    }

    [Fact]
    public async Task A_version_whose_tag_was_deleted_is_still_counted_by_its_recorded_commit_and_one_with_neither_is_named_in_a_note()
    {
        using var project = new DeliveredProject();
        await project.WriteLedgerAsync();
        await project.AppendAsync(project.Record("production", "1.5.0", DeploymentAction.Deploy, DeploymentOutcome.Succeeded, DeliveredProject.At(25, 9)) with { Commit = null });
        project.Repo.Git("tag", "-d", "v1.3.1");

        var text = project.Slipway(["metrics", .. May]);

        Expect.Success(text);
        Assert.Contains("deployment frequency   1 a week (4 successful deployments; 0.14 a day)", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("lead time for changes  median 1d 2h, p90 2d 1h (4 commits)", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("note: 1 successful deployment whose version has no tag or commit in this clone: their commits are not in the lead time (git fetch --tags)", text.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_deploy_promote_fail_and_rollback_history_is_counted_as_it_happened()
    {
        using var example = new DeployExample();
        var approved = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["SLIPWAY_APPROVED_ENVIRONMENT"] = "production" };
        Expect.Success(example.Slipway("deploy", "staging", "1.2.0"));
        Expect.Success(example.Slipway(approved, "promote", "staging", "production"));
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        example.Helm.FailOn("v1.3.0");
        Assert.Equal(1, example.Slipway(approved, "promote", "staging", "production").ExitCode);
        example.Helm.Heal();
        Expect.Success(example.Slipway(approved, "promote", "staging", "production"));
        Expect.Success(example.Slipway(approved, "rollback", "production"));

        var result = example.Slipway("metrics", "--json");

        Expect.Success(result);
        var root = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(2, root.GetProperty("deploymentFrequency").GetProperty("deployments").GetInt32());
        Assert.Equal("2/3", $"{root.GetProperty("changeFailureRate").GetProperty("failures").GetInt32()}/{root.GetProperty("changeFailureRate").GetProperty("deployments").GetInt32()}");
        // One incident: from the failed promotion, through the promotion the rollback marked bad, to the rollback's success.
        Assert.Equal(1, root.GetProperty("timeToRestore").GetProperty("restores").GetInt32());
        Assert.Equal(0, root.GetProperty("timeToRestore").GetProperty("notRestored").GetInt32());
        // 1.3.0 brought the one commit after 1.2.0 ("fix: towards v1.3.0"); the first production deployment brings none.
        Assert.Equal(1, root.GetProperty("leadTimeForChanges").GetProperty("changes").GetInt32());
        Assert.Equal(["1.2.0 succeeded", "1.3.0 failed", "1.3.0 succeeded", "1.3.0 rolled_back", "1.2.0 succeeded"],
            example.RemoteLedger("production").Select(r => $"{r.Version} {DeploymentNames.Of(r.Outcome)}"));
    }
}
