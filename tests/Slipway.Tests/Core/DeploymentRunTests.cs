using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Rollouts;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

/// <summary>One deployment's decisions, facts in and decisions out: refuse, gates, canary or not, how the attempt ends, the automatic rollback.</summary>
public sealed class DeploymentRunTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DeploymentEnvironment Staging = new() { Name = "staging", Helm = new HelmRelease { Release = "agent-bus", Chart = "./chart" } };

    private static readonly DeploymentEnvironment Production = Staging with
    {
        Name = "production",
        Requires = new DeploymentRequirements(PromotedFrom: "staging", Approval: true),
    };

    [Fact]
    public void Production_refuses_a_version_that_is_not_good_in_staging_without_asking_anyone()
    {
        var admission = Run(Production, "1.1.0", History(("staging", "1.1.0", DeploymentOutcome.Failed))).Admission(approvedInActions: true);

        Assert.False(admission.AskFirst);
        Assert.Equal(ExitCode.Precondition, admission.Refusal!.Code);
        Assert.StartsWith("production only takes versions that are good in staging, and 1.1.0 is not good in staging", admission.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(admission.Refusal.Message, DeploymentRun.Refused(admission.Refusal).Detail);
    }

    [Fact]
    public void A_version_good_in_staging_is_asked_for_at_a_terminal_unless_the_actions_job_approved_it()
    {
        var history = History(("staging", "1.1.0", DeploymentOutcome.Succeeded));

        var asked = Run(Production, "1.1.0", history).Admission(approvedInActions: false);
        Assert.True(asked.AskFirst);
        Assert.Equal("production requires approval and none was given", asked.Refusal!.Message);

        Assert.Equal(DeploymentAdmission.Admitted, Run(Production, "1.1.0", history).Admission(approvedInActions: true));
    }

    [Fact]
    public void Force_admits_what_the_requirements_would_refuse_and_a_rollback_skips_promoted_from()
    {
        Assert.Equal(DeploymentAdmission.Admitted, (Run(Production, "9.9.9", History()) with { Force = true }).Admission(false));

        var rollback = Run(Production, "1.0.0", History(), DeploymentAction.Rollback).Admission(false);
        Assert.True(rollback.AskFirst); // not refused by promoted_from, but production still asks
    }

    [Fact]
    public void A_rollback_runs_neither_the_scan_nor_the_gates()
    {
        var gated = Staging with { Gates = [new Gate("smoke", ["./smoke.sh"])] };

        Assert.Single(Run(gated, "1.1.0", History()).Gates);
        Assert.Empty(Run(gated, "1.1.0", History(), DeploymentAction.Rollback).Gates);
        Assert.True(Run(gated, "1.1.0", History()).Scans(true, "ghcr.io/o/app", "sha256:a", null));
        Assert.False(Run(gated, "1.1.0", History(), DeploymentAction.Rollback).Scans(true, "ghcr.io/o/app", "sha256:a", null));
    }

    [Theory]
    [InlineData(false, "ghcr.io/o/app", "sha256:a", null)]
    [InlineData(true, null, "sha256:a", null)]
    [InlineData(true, "ghcr.io/o/app", null, null)]
    [InlineData(true, "ghcr.io/o/app", "sha256:a", "ghcr.io/o/app@sha256:a")]
    public void The_scan_is_skipped_when_not_configured_without_an_image_by_digest_or_when_this_run_already_passed_it(bool configured, string? image, string? digest, string? scanned) =>
        Assert.False(Run(Staging, "1.1.0", History()).Scans(configured, image, digest, scanned));

    [Fact]
    public void A_failed_gate_and_a_scanner_that_could_not_run_block_with_exit_3_and_the_record_says_which()
    {
        var gate = Run(Staging, "1.1.0", History()).GateFailed("smoke", "exit 1");
        Assert.Equal("gate 'smoke' failed (exit 1)", gate.Detail);
        Assert.Equal((ExitCode.Precondition, "1.1.0 was not deployed to staging: gate 'smoke' failed (exit 1)"), (gate.Error.Code, gate.Error.Message));

        var scan = Run(Staging, "1.1.0", History()).ScanFailed(SlipwayError.Failed("trivy: exit 2"));
        Assert.Equal((ExitCode.Precondition, "1.1.0 was not deployed to staging: trivy: exit 2"), (scan.Error.Code, scan.Detail));
    }

    [Fact]
    public void A_canary_keeps_the_last_good_version_as_the_stable_one_with_the_tags_of_the_naming()
    {
        var env = Staging with { Rollout = Canary() };
        var history = History(("staging", "1.0.0", DeploymentOutcome.Succeeded), ("staging", "1.0.1", DeploymentOutcome.Failed));

        var plan = Run(env, "1.1.0", history).Canary(new TagNaming("release-"), "sha256:b", out var note);

        Assert.Null(note);
        Assert.Equal(new CanaryImage("1.0.0", "release-1.0.0", null), plan!.Stable);
        Assert.Equal(new CanaryImage("1.1.0", "release-1.1.0", "sha256:b"), plan.Canary);
        Assert.Equal("canary step 1/2 at 10%: rolling out from 1.0.0", Run(env, "1.1.0", history).Started(plan));
    }

    [Fact]
    public void A_first_deployment_a_redeploy_of_the_good_version_and_a_rollback_go_out_at_once()
    {
        var env = Staging with { Rollout = Canary() };

        Assert.Null(Run(env, "1.1.0", History()).Canary(new TagNaming("v"), null, out var first));
        Assert.Equal("rollout: no other good version runs in staging to keep beside a canary, so 1.1.0 goes out at once", first);
        Assert.Null(Run(env, "1.1.0", History(("staging", "1.1.0", DeploymentOutcome.Succeeded))).Canary(new TagNaming("v"), null, out var same));
        Assert.NotNull(same);
        Assert.Null(Run(env, "1.0.0", History(("staging", "1.1.0", DeploymentOutcome.Succeeded)), DeploymentAction.Rollback).Canary(new TagNaming("v"), null, out var rollback));
        Assert.Null(rollback);
        Assert.Equal("helm started; how it ended is not recorded yet", Run(env, "1.0.0", History()).Started(null));
    }

    [Fact]
    public void A_rollback_marks_the_version_it_replaces_bad_on_the_current_records_commit()
    {
        var history = new DeploymentHistory([Record("staging", "1.1.0", DeploymentOutcome.Succeeded, 0) with { Commit = "abc" }]);

        var marked = (Run(Staging, "1.0.0", history, DeploymentAction.Rollback) with { MarkBad = SemanticVersion.Parse("1.1.0") }).MarkedBad();

        Assert.Equal((SemanticVersion.Parse("1.1.0"), "abc", "rolled back to 1.0.0"), marked);
        Assert.Null(Run(Staging, "1.0.0", history, DeploymentAction.Rollback).MarkedBad());
    }

    [Fact]
    public void A_succeeded_attempt_prints_what_runs_now()
    {
        var run = Run(Staging, "1.1.0", History());
        var ending = run.AfterAttempt(AttemptResult.Succeeded with { Note = "gitops: pushed abc1234" }, Attempt("1.1.0"), [], null, cancelled: false);

        Assert.Equal((DeploymentOutcome.Succeeded, "gitops: pushed abc1234", "deployed 1.1.0 to staging"), (ending.Outcome, ending.Detail, ending.Line));
        Assert.Null(ending.Error);

        var rollback = (Run(Staging, "1.0.0", History(), DeploymentAction.Rollback) with { MarkBad = SemanticVersion.Parse("1.1.0") }).AfterAttempt(AttemptResult.Succeeded, Attempt("1.0.0"), [], null, false);
        Assert.Equal("rolled back staging to 1.0.0 (from 1.1.0, now marked bad)", rollback.Line);

        var plan = new RolloutPlan(Canary(), new CanaryImage("1.0.0", "v1.0.0", null), new CanaryImage("1.1.0", "v1.1.0", null));
        Assert.Equal("deployed 1.1.0 to staging through canary steps 10%, 100%", run.AfterAttempt(AttemptResult.Succeeded, Attempt("1.1.0"), [], plan, false).Line);

        var proposed = run.AfterAttempt(AttemptResult.Succeeded with { Proposal = "proposed 1.1.0 for staging: pull request #4 opened" }, Attempt("1.1.0"), [], null, false);
        Assert.Equal("proposed 1.1.0 for staging: pull request #4 opened", proposed.Line);
    }

    [Fact]
    public void A_canary_stopped_by_its_analysis_is_recorded_rolled_back_at_its_step_and_nothing_else_is_redeployed()
    {
        var env = Staging with { AutoRollback = true };
        var at = new RolloutProgress(1, 2, 10);
        var result = new AttemptResult(false, true, "error rate 0.2 > 0.05; canary set back to 0", at);

        var ending = Run(env, "1.1.0", History(("staging", "1.0.0", DeploymentOutcome.Succeeded))).AfterAttempt(result, Attempt("1.1.0"), [], null, false);

        Assert.Equal((DeploymentOutcome.RolledBack, at), (ending.Outcome, ending.Rollout));
        Assert.Null(ending.RollbackTo);
        Assert.Equal((ExitCode.Failed, "the canary of 1.1.0 in staging was rolled back: error rate 0.2 > 0.05; canary set back to 0"), (ending.Error!.Code, ending.Error.Message));

        var undecided = Run(env, "1.1.0", History()).AfterAttempt(result with { RolledBack = false, Error = SlipwayError.Precondition("prometheus: bad query") }, Attempt("1.1.0"), [], null, false);
        Assert.Equal((DeploymentOutcome.Failed, ExitCode.Precondition, "deploying 1.1.0 to staging failed: prometheus: bad query"),
            (undecided.Outcome, undecided.Error!.Code, undecided.Error.Message));
    }

    [Fact]
    public void A_failed_attempt_with_auto_rollback_redeploys_the_last_good_version()
    {
        var env = Staging with { AutoRollback = true };
        var history = History(("staging", "1.0.0", DeploymentOutcome.Succeeded), ("staging", "1.0.5", DeploymentOutcome.Failed));

        var ending = Run(env, "1.1.0", history).AfterAttempt(AttemptResult.Failed("health check failed: 503"), Attempt("1.1.0"), [], null, false);

        Assert.Equal((DeploymentOutcome.Failed, "health check failed: 503", "1.0.0"), (ending.Outcome, ending.Detail, ending.RollbackTo?.Version.ToString()));
        Assert.Null(ending.Error);
        Assert.Equal("automatic rollback after 1.1.0 failed; helm started", Run(env, "1.1.0", history).RollbackStarted);
    }

    [Fact]
    public void A_failed_attempt_is_not_rolled_back_without_auto_rollback_when_cancelled_or_when_nothing_good_ran_before()
    {
        var env = Staging with { AutoRollback = true };
        var good = History(("staging", "1.0.0", DeploymentOutcome.Succeeded));
        var failed = AttemptResult.Failed("helm: timed out");

        var off = Run(Staging, "1.1.0", good).AfterAttempt(failed, Attempt("1.1.0"), [], null, false);
        Assert.Equal((null, "deploying 1.1.0 to staging failed: helm: timed out"), (off.RollbackTo, off.Error!.Message));
        Assert.Equal("see `slipway history staging`; fix it and deploy again", off.Error.Fix);

        var cancelled = Run(env, "1.1.0", good).AfterAttempt(failed, Attempt("1.1.0"), [], null, cancelled: true);
        Assert.Equal((null, "deploying 1.1.0 to staging failed: helm: timed out"), (cancelled.RollbackTo, cancelled.Error!.Message));

        var nothing = Run(env, "1.1.0", History()).AfterAttempt(failed, Attempt("1.1.0"), [], null, false);
        Assert.Equal("deploying 1.1.0 to staging failed: helm: timed out; no earlier good version to roll back to", nothing.Error!.Message);

        var rollback = Run(env, "1.0.0", good, DeploymentAction.Rollback).AfterAttempt(failed, Attempt("1.0.0"), [], null, false);
        Assert.Equal((null, "deploying 1.0.0 to staging failed: helm: timed out"), (rollback.RollbackTo, rollback.Error!.Message));
    }

    [Fact]
    public void The_records_written_with_the_attempt_count_when_choosing_where_to_roll_back()
    {
        var env = Staging with { AutoRollback = true };
        var history = History(("staging", "1.0.0", DeploymentOutcome.Succeeded), ("staging", "1.0.1", DeploymentOutcome.Succeeded));
        var marker = Record("staging", "1.0.1", DeploymentOutcome.RolledBack, 5) with { Id = "marker", Action = DeploymentAction.Rollback };

        var ending = Run(env, "1.1.0", history).AfterAttempt(AttemptResult.Failed("helm: boom"), Attempt("1.1.0"), [marker], null, false);

        Assert.Equal("1.0.0", ending.RollbackTo!.Version.ToString());
    }

    [Fact]
    public void The_automatic_rollbacks_end_says_where_it_went_and_the_deployment_fails_either_way()
    {
        var run = Run(Staging with { AutoRollback = true, GitOps = null }, "1.1.0", History());
        var target = Record("staging", "1.0.0", DeploymentOutcome.Succeeded, 0);

        var back = run.AfterRollback(target, "health check failed: 503", AttemptResult.Succeeded, ("0123456789abcdef", "pushed fedcba9"));
        Assert.Equal((DeploymentOutcome.Succeeded, "automatic rollback after 1.1.0 failed (revert of 0123456; pushed fedcba9)"), (back.Outcome, back.Detail));
        Assert.Equal((ExitCode.Failed, "deploying 1.1.0 to staging failed: health check failed: 503; rolled back to 1.0.0"), (back.Error!.Code, back.Error.Message));

        var failedToo = run.AfterRollback(target, "health check failed: 503", AttemptResult.Failed("helm: boom"), null);
        Assert.Equal((DeploymentOutcome.Failed, "automatic rollback after 1.1.0 failed: helm: boom"), (failedToo.Outcome, failedToo.Detail));
        Assert.Equal("deploying 1.1.0 to staging failed: health check failed: 503; the automatic rollback to 1.0.0 failed too: helm: boom", failedToo.Error!.Message);
    }

    [Theory]
    [InlineData("helm", "helm")]
    [InlineData("command", "the deploy command")]
    public void The_records_name_what_deploys_the_environment(string kind, string deploys)
    {
        var env = kind == "command" ? Staging with { Helm = null, Command = new CommandDeploy { Run = ["./deploy.sh"] } } : Staging;

        Assert.Equal(deploys, Run(env, "1.0.0", History()).Deploys);
    }

    private static Rollout Canary() => new()
    {
        Steps = [new RolloutStep(10, TimeSpan.FromMinutes(1)), new RolloutStep(100, TimeSpan.Zero)],
        Analysis = new RolloutAnalysis { Health = true },
    };

    private static DeploymentRun Run(DeploymentEnvironment env, string version, DeploymentHistory history, DeploymentAction action = DeploymentAction.Deploy) =>
        new(env, SemanticVersion.Parse(version), action, history);

    private static DeploymentRecord Attempt(string version) => Record("staging", version, DeploymentOutcome.Unknown, 10) with { Id = "attempt" };

    private static DeploymentHistory History(params (string Environment, string Version, DeploymentOutcome Outcome)[] attempts) =>
        new(attempts.Select((a, i) => Record(a.Environment, a.Version, a.Outcome, i)).ToList());

    private static DeploymentRecord Record(string environment, string version, DeploymentOutcome outcome, int minute) => new()
    {
        Id = $"id{minute}",
        Environment = environment,
        Version = SemanticVersion.Parse(version),
        Action = DeploymentAction.Deploy,
        Outcome = outcome,
        At = T0.AddMinutes(minute),
        Actor = "tester",
    };
}
