using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

/// <summary>The ledger rules: what is current, what is good, where a rollback goes, what a promotion takes.</summary>
public sealed class DeploymentHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rollback_skips_failed_and_rolled_back_versions_unlike_helms_previous_revision()
    {
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.RolledBack), ("1.2.0", DeploymentOutcome.Failed), ("1.3.0", DeploymentOutcome.Succeeded));

        Assert.Equal("1.3.0", history.Current("staging")!.Version.ToString());
        Assert.Equal("1.0.0", history.RollbackTarget("staging")!.Version.ToString());
    }

    [Fact]
    public void A_version_is_good_again_after_it_succeeds_again()
    {
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.0.0", DeploymentOutcome.Failed));
        Assert.False(history.IsGood("staging", SemanticVersion.Parse("1.0.0")));
        Assert.Null(history.LastGood("staging"));

        history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.0.0", DeploymentOutcome.Failed), ("1.0.0", DeploymentOutcome.Succeeded));
        Assert.True(history.IsGood("staging", SemanticVersion.Parse("1.0.0")));
        Assert.Equal("1.0.0", history.LastGood("staging")!.Version.ToString());
    }

    [Fact]
    public void Blocked_attempts_change_neither_what_runs_nor_what_is_good()
    {
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.Blocked), ("1.0.0", DeploymentOutcome.Blocked));

        Assert.Equal("1.0.0", history.Current("staging")!.Version.ToString());
        Assert.Equal(DeploymentOutcome.Succeeded, history.Current("staging")!.Outcome);
        Assert.True(history.IsGood("staging", SemanticVersion.Parse("1.0.0")));
        Assert.Equal(3, history.Attempts("staging").Count);
    }

    [Fact]
    public void A_rollback_marker_makes_the_version_bad_without_making_it_current()
    {
        var marker = Record("1.1.0", DeploymentOutcome.RolledBack, 2) with { Action = DeploymentAction.Rollback };
        var history = new DeploymentHistory([Record("1.0.0", DeploymentOutcome.Succeeded, 0), Record("1.1.0", DeploymentOutcome.Succeeded, 1), marker]);

        Assert.Equal("1.1.0", history.Current("staging")!.Version.ToString());
        Assert.False(history.IsGood("staging", SemanticVersion.Parse("1.1.0")));
        Assert.Equal("1.0.0", history.LastGood("staging")!.Version.ToString());
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

        Assert.Null(DeploymentGuard.PromotedFromRefusal(production, SemanticVersion.Parse("1.0.0"), history));
        Assert.Contains("its last attempt there failed", DeploymentGuard.PromotedFromRefusal(production, SemanticVersion.Parse("1.1.0"), history)!.Message, StringComparison.Ordinal);
        Assert.Contains("was never deployed to staging", DeploymentGuard.PromotedFromRefusal(production, SemanticVersion.Parse("2.0.0"), history)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attempt_written_when_helm_starts_and_again_when_it_ends_is_one_attempt_in_the_place_of_its_first_line()
    {
        var started = Record("1.1.0", DeploymentOutcome.Unknown, 1);
        var other = Record("1.0.0", DeploymentOutcome.Succeeded, 0) with { Id = "other", Environment = "production" };
        var history = new DeploymentHistory([Record("1.0.0", DeploymentOutcome.Succeeded, 0), started, other, started with { Outcome = DeploymentOutcome.Succeeded, At = T0.AddMinutes(5) }]);

        Assert.Equal(["1.0.0 Succeeded", "1.1.0 Succeeded", "1.0.0 Succeeded"], history.Records.Select(r => $"{r.Version} {r.Outcome}"));
        Assert.Equal(T0.AddMinutes(5), history.Current("staging")!.At);
        Assert.Empty(history.Unresolved("staging"));
    }

    [Fact]
    public void An_attempt_left_unknown_is_what_runs_but_is_never_good_and_never_a_rollback_target()
    {
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.Succeeded), ("1.2.0", DeploymentOutcome.Unknown), ("1.1.0", DeploymentOutcome.Unknown));

        Assert.Equal("1.1.0", history.Current("staging")!.Version.ToString());
        Assert.Equal(DeploymentOutcome.Unknown, history.Current("staging")!.Outcome);
        Assert.False(history.IsGood("staging", SemanticVersion.Parse("1.2.0")));
        Assert.False(history.IsGood("staging", SemanticVersion.Parse("1.1.0"))); // its latest attempt is unknown: nobody saw it healthy since
        Assert.Equal("1.0.0", history.LastGood("staging")!.Version.ToString());
        Assert.Equal("1.0.0", history.RollbackTarget("staging")!.Version.ToString());
        Assert.Equal(["1.2.0", "1.1.0"], history.Unresolved("staging").Select(r => r.Version.ToString()));
    }

    [Fact]
    public void Resolving_marks_each_unknown_attempt_of_the_environment_failed_under_its_own_id_and_says_what_resolved_it()
    {
        var unknown = Record("1.1.0", DeploymentOutcome.Unknown, 1);
        var history = new DeploymentHistory([Record("1.0.0", DeploymentOutcome.Succeeded, 0), unknown, Record("2.0.0", DeploymentOutcome.Unknown, 2) with { Environment = "production" }]);

        var resolution = Assert.Single(history.Resolutions("staging", "deploy of 1.2.0", T0.AddHours(1)));

        Assert.Equal(unknown.Id, resolution.Id);
        Assert.Equal(DeploymentOutcome.Failed, resolution.Outcome);
        Assert.Equal(T0.AddHours(1), resolution.At);
        Assert.Equal("interrupted: the run stopped after helm started and before it recorded how it ended (resolved by the deploy of 1.2.0)", resolution.Detail);
        Assert.Empty(new DeploymentHistory([.. history.Records, resolution]).Unresolved("staging"));
    }

    [Fact]
    public void Promoted_from_refuses_a_version_whose_attempt_in_the_source_has_no_recorded_outcome()
    {
        var production = new DeploymentEnvironment
        {
            Name = "production",
            Helm = new HelmRelease { Release = "agent-bus", Chart = "./chart" },
            Requires = new DeploymentRequirements(PromotedFrom: "staging"),
        };

        var refusal = DeploymentGuard.PromotedFromRefusal(production, SemanticVersion.Parse("1.1.0"), History(("1.0.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.Unknown)));

        Assert.Contains("1.1.0 is not good in staging (its last attempt there has no recorded outcome)", refusal!.Message, StringComparison.Ordinal);
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

    [Fact]
    public void A_rollback_goes_to_the_last_good_version_and_marks_the_one_running_well_bad()
    {
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.Failed), ("1.2.0", DeploymentOutcome.Succeeded));

        Assert.Equal(new Rollback(new SemanticVersion(1, 0, 0), SemanticVersion.Parse("1.2.0")), Rollback.Decide(history, "staging", null));
        Assert.Equal(new Rollback(new SemanticVersion(1, 1, 0), SemanticVersion.Parse("1.2.0")), Rollback.Decide(history, "staging", new SemanticVersion(1, 1, 0)));
    }

    [Fact]
    public void A_rollback_from_a_failed_version_marks_nothing_bad_and_may_redeploy_the_same_version()
    {
        var history = History(("1.0.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.Succeeded), ("1.1.0", DeploymentOutcome.Failed));

        Assert.Equal(new Rollback(new SemanticVersion(1, 0, 0), null), Rollback.Decide(history, "staging", null));
        Assert.Equal(new Rollback(new SemanticVersion(1, 1, 0), null), Rollback.Decide(history, "staging", new SemanticVersion(1, 1, 0)));
    }

    [Fact]
    public void Records_match_a_version_by_identity_so_another_build_of_the_same_precedence_is_another_version()
    {
        // 1.3.0+build.1 and 1.3.0+build.2 have the same precedence (SemVer ignores build metadata when it orders versions), but they
        // are two tags and two images: one that failed does not make the other bad, nor does one that ran make the other good.
        var history = History(("1.2.0", DeploymentOutcome.Succeeded), ("1.3.0+build.1", DeploymentOutcome.Succeeded), ("1.3.0+build.2", DeploymentOutcome.Failed));

        Assert.True(history.IsGood("staging", SemanticVersion.Parse("1.3.0+build.1")));
        Assert.False(history.IsGood("staging", SemanticVersion.Parse("1.3.0+build.2")));
        Assert.False(history.IsGood("staging", SemanticVersion.Parse("1.3.0")));
        Assert.Equal("1.3.0+build.1", history.LastGood("staging")!.Version.ToString());
        Assert.Equal(new Rollback(SemanticVersion.Parse("1.3.0+build.1"), null), Rollback.Decide(history, "staging", null));
    }

    [Theory]
    [InlineData("", null, "nothing was deployed to staging yet, so there is nothing to roll back")]
    [InlineData("1.0.0", null, "staging has no good version before 1.0.0 to roll back to")]
    [InlineData("1.0.0,1.1.0", "1.1.0", "staging already runs 1.1.0")]
    public void A_rollback_with_nowhere_to_go_is_refused_with_exit_3(string versions, string? requested, string message)
    {
        var history = History([.. versions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => (v, DeploymentOutcome.Succeeded))]);

        var error = Assert.Throws<SlipwayException>(() => Rollback.Decide(history, "staging", requested is null ? null : SemanticVersion.Parse(requested))).Error;

        Assert.Equal((ExitCode.Precondition, message), (error.Code, error.Message));
    }

    private static DeploymentHistory History(params (string Version, DeploymentOutcome Outcome)[] attempts) =>
        new(attempts.Select((a, i) => Record(a.Version, a.Outcome, i)).ToList());

    private static DeploymentRecord Record(string version, DeploymentOutcome outcome, int minute) => new()
    {
        Id = $"id{minute}",
        Environment = "staging",
        Version = SemanticVersion.Parse(version),
        Action = DeploymentAction.Deploy,
        Outcome = outcome,
        At = T0.AddMinutes(minute),
        Actor = "tester",
    };
}
