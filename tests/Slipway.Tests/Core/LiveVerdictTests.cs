using Slipway.Core.Deployments;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

/// <summary>`status --live`: the ledger's current attempt against what Helm reports, one verdict per environment.</summary>
public sealed class LiveVerdictTests
{
    private static readonly DateTimeOffset Deployed = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TagNaming Naming = new("v");

    [Fact]
    public void Helm_running_the_ledgers_version_is_in_sync()
    {
        var verdict = LiveVerdict.Judge(Record("1.3.1"), Naming, Live(Revision(3, "v1.3.1", Deployed.AddSeconds(-40))));

        Assert.Equal(LiveState.InSync, verdict.State);
        Assert.Equal("in sync (revision 3)", verdict.Text);
    }

    [Fact]
    public void A_hand_upgrade_to_another_tag_is_drift_naming_what_helm_runs()
    {
        var verdict = LiveVerdict.Judge(Record("1.3.0"), Naming, Live(Revision(7, "v1.3.1", Deployed.AddHours(2))));

        Assert.True(verdict.Drifted);
        Assert.Equal("drift: helm runs v1.3.1 (revision 7, deployed by hand 2026-05-01 12:00 UTC)", verdict.Text);
    }

    [Fact]
    public void A_rollback_outside_slipway_is_drift_and_says_so()
    {
        var rollback = Revision(4, "v1.3.0", Deployed.AddHours(1)) with { Description = "Rollback to 2" };

        var verdict = LiveVerdict.Judge(Record("1.3.1"), Naming, Live(rollback));

        Assert.Equal("drift: helm runs v1.3.0 (revision 4, rolled back outside Slipway 2026-05-01 11:00 UTC)", verdict.Text);
    }

    [Fact]
    public void A_hand_redeploy_of_the_same_tag_after_the_ledger_is_drift_but_clock_skew_is_not()
    {
        var later = LiveVerdict.Judge(Record("1.3.1"), Naming, Live(Revision(5, "v1.3.1", Deployed.AddMinutes(30))));
        var skewed = LiveVerdict.Judge(Record("1.3.1"), Naming, Live(Revision(5, "v1.3.1", Deployed.AddSeconds(90))));

        Assert.Equal("drift: helm runs v1.3.1 (revision 5, deployed by hand 2026-05-01 10:30 UTC, after the ledger's last deploy)", later.Text);
        Assert.Equal(LiveState.InSync, skewed.State);
    }

    [Fact]
    public void Several_revisions_after_the_ledger_are_counted()
    {
        var history = new[] { Revision(3, null, Deployed.AddSeconds(-30)), Revision(4, null, Deployed.AddHours(1)), Revision(5, null, Deployed.AddHours(2)) };

        var verdict = LiveVerdict.Judge(Record("1.3.1"), Naming, LiveRelease.Of(Revision(5, "v1.4.0", Deployed.AddHours(2)), history));

        Assert.EndsWith("; 2 helm revisions since the ledger's last deploy)", verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_deploy_with_no_helm_release_is_drift()
    {
        var verdict = LiveVerdict.Judge(Record("1.3.1"), Naming, LiveRelease.None);

        Assert.Equal("drift: not deployed (helm: no release)", verdict.Text);
        Assert.True(verdict.Drifted);
    }

    [Fact]
    public void Never_deployed_and_no_release_is_in_sync_but_a_release_the_ledger_never_saw_is_drift()
    {
        Assert.Equal(LiveState.InSync, LiveVerdict.Judge(null, Naming, LiveRelease.None).State);
        Assert.Equal("drift: helm runs v1.0.0 (revision 1, deployed by hand 2026-05-01 10:00 UTC) but the ledger has no deployment",
            LiveVerdict.Judge(null, Naming, Live(Revision(1, "v1.0.0", Deployed))).Text);
    }

    [Fact]
    public void A_failed_helm_revision_agrees_with_a_failed_attempt_and_not_with_a_good_one()
    {
        var failed = Revision(6, "v1.3.1", Deployed.AddSeconds(-50)) with { Status = "failed", Description = "Upgrade \"agent-bus\" failed: context deadline exceeded" };

        Assert.Equal(LiveState.InSync, LiveVerdict.Judge(Record("1.3.1", DeploymentOutcome.Failed), Naming, Live(failed)).State);
        Assert.Equal("drift: helm's revision 6 of v1.3.1 is failed: Upgrade \"agent-bus\" failed: context deadline exceeded",
            LiveVerdict.Judge(Record("1.3.1"), Naming, Live(failed)).Text);
    }

    [Fact]
    public void A_pending_revision_is_in_sync_only_while_the_ledgers_attempt_has_not_ended()
    {
        var pending = Revision(6, "v1.3.1", Deployed.AddSeconds(-50)) with { Status = "pending-upgrade" };

        Assert.Equal(LiveState.InSync, LiveVerdict.Judge(Record("1.3.1", DeploymentOutcome.Unknown), Naming, Live(pending)).State);
        Assert.True(LiveVerdict.Judge(Record("1.3.1"), Naming, Live(pending)).Drifted);
    }

    [Fact]
    public void A_release_without_the_image_value_is_drift()
    {
        var verdict = LiveVerdict.Judge(Record("1.3.1"), Naming, Live(Revision(2, null, Deployed)));

        Assert.Equal("drift: helm runs no image tag (revision 2, deployed by hand 2026-05-01 10:00 UTC)", verdict.Text);
    }

    [Fact]
    public void Helm_that_cannot_be_asked_is_unknown_not_drift()
    {
        var verdict = LiveVerdict.Judge(Record("1.3.1"), Naming, LiveRelease.Unreachable("Kubernetes cluster unreachable: connection refused"));

        Assert.Equal(LiveState.Unknown, verdict.State);
        Assert.False(verdict.Drifted);
        Assert.Equal("helm failed: Kubernetes cluster unreachable: connection refused", verdict.Text);
    }

    [Fact]
    public void Tags_follow_the_configured_prefix()
    {
        var verdict = LiveVerdict.Judge(Record("2.0.0"), new TagNaming("release-"), Live(Revision(1, "release-2.0.0", Deployed)));

        Assert.Equal(LiveState.InSync, verdict.State);
    }

    private static LiveRelease Live(HelmRevision latest) => LiveRelease.Of(latest, [latest with { ImageTag = null }]);

    private static HelmRevision Revision(int number, string? tag, DateTimeOffset at) =>
        new() { Revision = number, Status = "deployed", ImageTag = tag, Deployed = at, Chart = "agent-bus-0.1.0", Description = "Upgrade complete" };

    private static DeploymentRecord Record(string version, DeploymentOutcome outcome = DeploymentOutcome.Succeeded) => new()
    {
        Id = "a1",
        Environment = "staging",
        Version = SemanticVersion.Parse(version),
        Action = DeploymentAction.Deploy,
        Outcome = outcome,
        At = Deployed,
        Actor = "ada",
    };
}
