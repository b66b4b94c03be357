using Slipway.Core.Deployments;
using Slipway.Core.Metrics;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Metrics;

/// <summary>The promotion path the page shows and `metrics` defaults to, what runs where since when, and how --since/--until read.</summary>
public sealed class PromotionPathTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Promoted_from_chains_give_the_path_and_its_last_environment_is_the_default()
    {
        var path = PromotionPath.Of([Env("dev"), Env("preview"), Env("production", "staging"), Env("staging", "dev")], ["old-qa"]);

        Assert.Equal(["dev > staging > production", "preview", "old-qa"], path.Chains.Select(c => string.Join(" > ", c)));
        Assert.Equal("production", path.Last);
    }

    [Fact]
    public void Without_promotions_the_environment_listed_last_is_the_default()
    {
        var path = PromotionPath.Of([Env("staging"), Env("production")], []);

        Assert.Equal("production", path.Last);
        Assert.Equal(2, path.Chains.Count);
    }

    [Fact]
    public void A_cycle_of_promotions_does_not_loop_and_hides_no_environment()
    {
        var path = PromotionPath.Of([Env("a", "b"), Env("b", "a"), Env("c")], []);

        Assert.Equal(["a", "b", "c"], path.Chains.SelectMany(c => c).Order());
    }

    [Fact]
    public void No_environment_at_all_has_no_default()
    {
        Assert.Null(PromotionPath.Of([], []).Last);
    }

    [Fact]
    public void A_redeploy_of_the_running_version_keeps_since_when_it_runs_and_a_blocked_attempt_changes_nothing()
    {
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var history = new DeploymentHistory(
        [
            Record("1.0.0", DeploymentOutcome.Succeeded, t),
            Record("1.1.0", DeploymentOutcome.Succeeded, t.AddHours(1)),
            Record("1.1.0", DeploymentOutcome.Succeeded, t.AddHours(2)),
            Record("1.2.0", DeploymentOutcome.Blocked, t.AddHours(3)),
        ]);

        var status = EnvironmentStatus.Of(history, "production");

        Assert.Equal("1.1.0", status.Current!.Version.ToString());
        Assert.Equal(t.AddHours(1), status.Since);
        Assert.Equal("1.1.0", status.LastGood!.Version.ToString());
        Assert.Null(EnvironmentStatus.Of(history, "staging").Current);
    }

    [Theory]
    [InlineData("90d", null, "2026-04-01T12:00:00Z", "2026-06-30T12:00:00Z")]
    [InlineData("2w", null, "2026-06-16T12:00:00Z", "2026-06-30T12:00:00Z")]
    [InlineData("36h", null, "2026-06-29T00:00:00Z", "2026-06-30T12:00:00Z")]
    [InlineData("2026-01-01", "2026-03-31", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z")]
    [InlineData("30d", "2026-03-31T18:00:00Z", "2026-03-01T18:00:00Z", "2026-03-31T18:00:00Z")]
    public void Since_and_until_read_spans_back_from_now_and_whole_utc_days(string since, string? until, string start, string end)
    {
        var window = MetricsPeriod.TryParse(since, until, Now, out var why);

        Assert.True(window is not null, why);
        Assert.Equal((DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (window.Start, window.End));
    }

    [Theory]
    [InlineData("soon", null, "--since 'soon' is neither a span nor a date")]
    [InlineData("0d", null, "--since '0d' is neither a span nor a date")]
    [InlineData("90d", "yesterday", "--until 'yesterday' is not a date")]
    [InlineData("2026-07-01", null, "--since (2026-07-01T00:00:00Z) must be before --until (2026-06-30T12:00:00Z)")]
    public void A_since_or_until_that_does_not_read_says_why(string since, string? until, string expected)
    {
        Assert.Null(MetricsPeriod.TryParse(since, until, Now, out var why));
        Assert.StartsWith(expected, why, StringComparison.Ordinal);
    }

    private static DeploymentEnvironment Env(string name, string? promotedFrom = null) => new()
    {
        Name = name,
        Helm = new HelmRelease { Release = "app", Chart = "./chart" },
        Requires = new DeploymentRequirements(PromotedFrom: promotedFrom),
    };

    private static DeploymentRecord Record(string version, DeploymentOutcome outcome, DateTimeOffset at) => new()
    {
        Id = $"{version}-{at.ToUnixTimeSeconds()}",
        Environment = "production",
        Version = SemanticVersion.Parse(version),
        Action = DeploymentAction.Deploy,
        Outcome = outcome,
        At = at,
        Actor = "tester",
    };
}
