using Slipway.Core.Deployments;

namespace Slipway.Tests.Core;

/// <summary>The ledger rules: what is current, what is good, where a rollback goes, what a promotion takes.</summary>
public sealed class DeploymentHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rollback_skips_failed_and_rolled_back_versions_unlike_helms_previous_revision()
    {
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.RolledBack), ("1.2.0", DeploymentOutcome.Failed), ("1.3.0", DeploymentOutcome.Succeeded));

        Assert.Equal("1.3.0", history.Current("staging")!.Version);
        Assert.Equal("1.0.0", history.RollbackTarget("staging")!.Version);
    }

    [Fact]
    public void A_version_is_good_again_after_it_succeeds_again()
    {
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.0.0", DeploymentOutcome.Failed));
        Assert.False(history.IsGood("staging", "1.0.0"));
        Assert.Null(history.LastGood("staging"));

        history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.0.0", DeploymentOutcome.Failed), ("1.0.0", DeploymentOutcome.Succeeded));
        Assert.True(history.IsGood("staging", "1.0.0"));
        Assert.Equal("1.0.0", history.LastGood("staging")!.Version);
    }

    [Fact]
    public void Blocked_attempts_change_neither_what_runs_nor_what_is_good()
    {
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.Blocked), ("1.0.0", DeploymentOutcome.Blocked));

        Assert.Equal("1.0.0", history.Current("staging")!.Version);
        Assert.Equal(DeploymentOutcome.Succeeded, history.Current("staging")!.Outcome);
        Assert.True(history.IsGood("staging", "1.0.0"));
        Assert.Equal(3, history.Attempts("staging").Count);
    }

    [Fact]
    public void A_rollback_marker_makes_the_version_bad_without_making_it_current()
    {
        var marker = Record("1.1.0", DeploymentOutcome.RolledBack, 2) with { Action = DeploymentAction.Rollback };
        var history = new DeploymentHistory([Record("1.0.0", DeploymentOutcome.Succeeded, 0), Record("1.1.0", DeploymentOutcome.Succeeded, 1), marker]);

        Assert.Equal("1.1.0", history.Current("staging")!.Version);
        Assert.False(history.IsGood("staging", "1.1.0"));
        Assert.Equal("1.0.0", history.LastGood("staging")!.Version);
    }

    [Fact]
    public void Promoted_from_refuses_a_version_that_is_not_good_in_the_source()
    {
        var production = new DeploymentEnvironment
        {
            Name = "production",
            Helm = new HelmRelease { Release = "agent-bus", Chart = "./chart" },
            Requires = new DeploymentRequirements(PromotedFrom: "staging"),
        };
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.Failed));

        Assert.Null(DeploymentGuard.PromotedFromRefusal(production, "1.0.0", history));
        Assert.Contains("its last attempt there failed", DeploymentGuard.PromotedFromRefusal(production, "1.1.0", history)!.Message, StringComparison.Ordinal);
        Assert.Contains("was never deployed to staging", DeploymentGuard.PromotedFromRefusal(production, "2.0.0", history)!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5m", 300_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("2h", 7_200_000)]
    public void Durations_are_read_like_helms(string text, long milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(milliseconds, (long)value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("5 m")]
    [InlineData("-5m")]
    [InlineData("5d")]
    public void Durations_that_helm_would_not_take_are_refused(string text) => Assert.False(Duration.TryParse(text, out _));

    private static DeploymentHistory History(params (string Version, DeploymentOutcome Outcome)[] attempts) =>
        new(attempts.Select((a, i) => Record(a.Version, a.Outcome, i)).ToList());

    private static DeploymentRecord Record(string version, DeploymentOutcome outcome, int minute) => new()
    {
        Id = $"id{minute}",
        Environment = "staging",
        Version = version,
        Action = DeploymentAction.Deploy,
        Outcome = outcome,
        At = T0.AddMinutes(minute),
        Actor = "tester",
    };
}
