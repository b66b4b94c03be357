using Slipway.Core.Deployments;
using Slipway.Core.Metrics;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Metrics;

/// <summary>The four metrics over a hand-written production history whose figures were counted by hand (see each test).</summary>
public sealed class DeliveryMetricsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // DeploymentOutcome.Unknown (issue 22) is the enum's next value: a run killed while helm ran.
    private static readonly DeploymentOutcome Unknown = (DeploymentOutcome)4;

    private static readonly MetricsWindow FourWeeks = new(T0, T0.AddDays(28));

    /// <summary>
    /// Deployments (deploy/promote that reached helm): 1.0.0 1.1.0 1.2.0✗ 1.2.1 1.3.0(marked bad) 1.3.1(auto rolled back) 1.4.0 1.5.0✗ = 8, failures 4.
    /// Successful: 1.0.0 1.1.0 1.2.1 1.3.0 1.4.0 = 5. Incidents: day 5 → +2h, day 10 → +1h (rollback), day 15 → +30m (auto rollback), day 26 open.
    /// </summary>
    private static List<DeploymentRecord> Production() =>
    [
        Deploy("1.0.0", DeploymentOutcome.Succeeded, T0.AddDays(1), "c1"),
        Deploy("1.1.0", DeploymentOutcome.Succeeded, T0.AddDays(3), "c2"),
        Deploy("1.2.0", DeploymentOutcome.Failed, T0.AddDays(5), "c3"),
        Deploy("1.2.1", DeploymentOutcome.Succeeded, T0.AddDays(5).AddHours(2), "c4"),
        Deploy("1.3.0", DeploymentOutcome.Succeeded, T0.AddDays(10), "c5", DeploymentAction.Promote),
        Deploy("1.3.0", DeploymentOutcome.RolledBack, T0.AddDays(10).AddHours(1), "c5", DeploymentAction.Rollback),
        Deploy("1.2.1", DeploymentOutcome.Succeeded, T0.AddDays(10).AddHours(1), "c4", DeploymentAction.Rollback),
        Deploy("1.3.1", DeploymentOutcome.Blocked, T0.AddDays(12), "c7"),
        Deploy("1.3.1", DeploymentOutcome.RolledBack, T0.AddDays(15), "c7"),
        Deploy("1.2.1", DeploymentOutcome.Succeeded, T0.AddDays(15).AddMinutes(30), "c4", DeploymentAction.Rollback),
        Deploy("1.4.0", DeploymentOutcome.Succeeded, T0.AddDays(20), "c6"),
        Deploy("1.5.0", DeploymentOutcome.Failed, T0.AddDays(26), "c8"),
    ];

    [Fact]
    public void Deployment_frequency_counts_successful_deploys_and_promotions_but_not_rollbacks_or_blocked_attempts()
    {
        var frequency = DeploymentFrequency.Of(DeliveryTimeline.Of(Production()), FourWeeks);

        Assert.Equal(5, frequency.Deployments);
        Assert.Equal(5 / 28.0, frequency.PerDay, 9);
        Assert.Equal(1.25, frequency.PerWeek, 9);
    }

    [Fact]
    public void Change_failure_rate_counts_failed_rolled_back_and_later_marked_bad_deployments_over_all_deployments()
    {
        var rate = ChangeFailureRate.Of(DeliveryTimeline.Of(Production()), FourWeeks);

        Assert.Equal(4, rate.Failures);
        Assert.Equal(8, rate.Deployments);
        Assert.Equal(0.5, rate.Rate);
    }

    [Fact]
    public void Time_to_restore_runs_from_the_change_failure_to_the_next_good_attempt_and_leaves_an_open_incident_out_of_the_median()
    {
        var timeline = DeliveryTimeline.Of(Production());
        var restore = TimeToRestore.Of(timeline, FourWeeks);

        Assert.Equal(
            [TimeSpan.FromHours(2), TimeSpan.FromHours(1), TimeSpan.FromMinutes(30), null],
            timeline.Incidents.Select(i => i.TimeToRestore));
        Assert.Equal(3, restore.Restores);
        Assert.Equal(TimeSpan.FromHours(1), restore.Median);
        Assert.Equal(1, restore.StillOpen);
    }

    [Fact]
    public void Consecutive_failures_are_one_incident_from_the_first_of_them()
    {
        var timeline = DeliveryTimeline.Of(
        [
            Deploy("1.0.0", DeploymentOutcome.Succeeded, T0, "a"),
            Deploy("1.1.0", DeploymentOutcome.Failed, T0.AddHours(1), "b"),
            Deploy("1.1.1", DeploymentOutcome.Failed, T0.AddHours(2), "c"),
            Deploy("1.1.0", DeploymentOutcome.Failed, T0.AddHours(3), "b", DeploymentAction.Rollback),
            Deploy("1.1.2", DeploymentOutcome.Succeeded, T0.AddHours(5), "d"),
        ]);

        var incident = Assert.Single(timeline.Incidents);
        Assert.Equal(TimeSpan.FromHours(4), incident.TimeToRestore);
        Assert.Equal(4, timeline.Deployments.Count(d => d.Record.Action != DeploymentAction.Rollback));
    }

    [Fact]
    public void An_attempt_whose_outcome_is_unknown_is_counted_apart_and_neither_succeeds_fails_nor_restores()
    {
        List<DeploymentRecord> attempts =
        [
            Deploy("1.0.0", DeploymentOutcome.Succeeded, T0.AddDays(1), "a"),
            Deploy("1.1.0", DeploymentOutcome.Failed, T0.AddDays(2), "b"),
            Deploy("1.1.1", Unknown, T0.AddDays(3), "c"),
        ];

        var report = DeliveryMetrics.Compute("production", attempts, [], [], FourWeeks);

        Assert.Equal(1, report.Unknown);
        Assert.Equal(1, report.Frequency.Deployments);
        Assert.Equal((1, 2), (report.FailureRate.Failures, report.FailureRate.Deployments));
        Assert.Equal((0, 1), (report.Restore.Restores, report.Restore.StillOpen));
    }

    [Fact]
    public void Lead_time_is_the_median_and_nearest_rank_p90_of_the_changes_first_deployed_in_the_window()
    {
        var deployed = T0.AddDays(7);
        List<Change> changes =
        [
            new("a", deployed.AddHours(-1), deployed),
            new("b", deployed.AddHours(-2), deployed),
            new("c", deployed.AddHours(-3), deployed),
            new("d", deployed.AddHours(-10), deployed),
            new("e", deployed.AddDays(-1), deployed),
            new("before", T0.AddDays(-3), T0.AddDays(-1)),
        ];

        var lead = LeadTime.Of(changes, FourWeeks);

        Assert.Equal(5, lead.Changes);
        Assert.Equal(TimeSpan.FromHours(3), lead.Median);
        Assert.Equal(TimeSpan.FromDays(1), lead.P90);
    }

    [Fact]
    public void Each_deployment_brings_the_commits_since_the_version_that_ran_before_it_and_the_first_one_brings_none()
    {
        var (ranges, withoutCommit) = ChangeRanges.Plan(Production(), FourWeeks.End);

        Assert.Equal(["c1..c2", "c2..c4", "c4..c5", "c5..c4", "c4..c6"], ranges.Select(r => $"{r.Since}..{r.Until}"));
        Assert.Empty(withoutCommit);
    }

    [Fact]
    public void A_deployment_with_no_known_commit_brings_none_and_leaves_the_next_one_without_a_previous_version()
    {
        List<DeploymentRecord> attempts =
        [
            Deploy("1.0.0", DeploymentOutcome.Succeeded, T0, "a"),
            Deploy("1.1.0", DeploymentOutcome.Succeeded, T0.AddHours(1), null),
            Deploy("1.2.0", DeploymentOutcome.Succeeded, T0.AddHours(2), "c"),
            Deploy("1.3.0", DeploymentOutcome.Succeeded, T0.AddHours(3), "d"),
        ];

        var (ranges, withoutCommit) = ChangeRanges.Plan(attempts, T0.AddDays(1));

        Assert.Equal(["c..d"], ranges.Select(r => $"{r.Since}..{r.Until}"));
        Assert.Equal("1.1.0", Assert.Single(withoutCommit).Version.ToString());
    }

    [Fact]
    public void A_commit_brought_again_after_a_rollback_keeps_the_time_it_first_arrived()
    {
        var first = new DeployedRange(Deploy("1.3.0", DeploymentOutcome.Succeeded, T0.AddHours(5), "c5"), "c4", "c5");
        var back = new DeployedRange(Deploy("1.2.1", DeploymentOutcome.Succeeded, T0.AddHours(6), "c4", DeploymentAction.Rollback), "c5", "c4");
        var again = new DeployedRange(Deploy("1.3.1", DeploymentOutcome.Succeeded, T0.AddHours(9), "c6"), "c4", "c6");

        var changes = ChangeRanges.FirstReached(
        [
            (first, [new CommitTime("x", T0)]),
            (back, []),
            (again, [new CommitTime("y", T0.AddHours(7)), new CommitTime("x", T0)]),
        ]);

        Assert.Equal([("x", TimeSpan.FromHours(5)), ("y", TimeSpan.FromHours(2))], changes.Select(c => (c.Sha, c.LeadTime)));
    }

    [Fact]
    public void The_trend_cuts_four_weeks_into_weekly_points_with_each_figure_of_its_week()
    {
        var report = DeliveryMetrics.Compute("production", Production(), [], [], FourWeeks);

        Assert.Equal([T0, T0.AddDays(7), T0.AddDays(14), T0.AddDays(21)], report.Trend.Select(p => p.Window.Start));
        Assert.Equal([3, 1, 1, 0], report.Trend.Select(p => p.Frequency.Deployments));
        Assert.Equal(["1/4", "1/1", "1/2", "1/1"], report.Trend.Select(p => $"{p.FailureRate.Failures}/{p.FailureRate.Deployments}"));
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(1), TimeSpan.FromMinutes(30), (TimeSpan?)null], report.Trend.Select(p => p.Restore.Median));
    }

    [Fact]
    public void A_window_with_no_attempt_is_empty_and_has_no_rates()
    {
        var report = DeliveryMetrics.Compute("production", Production(), [], [], new MetricsWindow(T0.AddDays(100), T0.AddDays(130)));

        Assert.True(report.IsEmpty);
        Assert.Null(report.FailureRate.Rate);
        Assert.Null(report.LeadTime.Median);
        Assert.Null(report.Restore.Median);
        Assert.Equal(0, report.Frequency.PerWeek);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_two_middle_values_and_p90_is_the_nearest_rank()
    {
        TimeSpan[] four = [TimeSpan.FromHours(4), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(2)];
        var ten = Enumerable.Range(1, 10).Select(h => TimeSpan.FromHours(h)).Reverse().ToList();

        Assert.Equal(TimeSpan.FromHours(2.5), Percentile.Median(four));
        Assert.Equal(TimeSpan.FromHours(9), Percentile.NearestRank(ten, 90));
        Assert.Equal(TimeSpan.FromHours(5), Percentile.NearestRank([TimeSpan.FromHours(5)], 90));
        Assert.Null(Percentile.Median([]));
    }

    private static DeploymentRecord Deploy(string version, DeploymentOutcome outcome, DateTimeOffset at, string? commit, DeploymentAction action = DeploymentAction.Deploy) => new()
    {
        Id = $"{version}-{at.ToUnixTimeSeconds()}-{action}",
        Environment = "production",
        Version = SemanticVersion.Parse(version),
        Action = action,
        Outcome = outcome,
        At = at,
        Actor = "tester",
        Commit = commit,
    };
}
