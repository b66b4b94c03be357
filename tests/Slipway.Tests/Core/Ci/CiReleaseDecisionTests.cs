using Slipway.Core.Ci;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core.Ci;

/// <summary>`ci release`'s decisions, without a repository or a registry: which version, whether the image step has work, whether an environment has the version.</summary>
public sealed class CiReleaseDecisionTests
{
    private static readonly TagNaming Naming = new("v");
    private static readonly string A = "sha256:" + new string('a', 64);
    private static readonly string B = "sha256:" + new string('b', 64);
    private static readonly string[] Tags = ["v1.3.0", "v1.3", "v1", "latest"];

    private static VersionTag Tag(string name) => new(name, Naming.ParseVersion(name), new string('c', 40));

    [Fact]
    public void The_version_is_the_argument_then_the_workflow_tag_then_the_highest_version_tag_on_HEAD()
    {
        IReadOnlyList<VersionTag> head = [Tag("v1.3.0-rc.1"), Tag("v1.3.0")];

        Assert.Equal("1.4.0", CiReleaseVersion.Choose("v1.4.0", "v1.3.0", head, Naming).ToString());
        Assert.Equal("1.2.0", CiReleaseVersion.Choose(null, "v1.2.0", head, Naming).ToString());
        Assert.Equal("1.3.0", CiReleaseVersion.Choose(null, "not-a-version", head, Naming).ToString());
        Assert.Equal("1.3.0", CiReleaseVersion.Choose(null, null, head, Naming).ToString());
    }

    [Fact]
    public void No_version_anywhere_is_a_precondition_failure()
    {
        var e = Assert.Throws<SlipwayException>(() => CiReleaseVersion.Choose(null, null, [], Naming));

        Assert.Equal(ExitCode.Precondition, e.Error.Code);
        Assert.Equal("HEAD has no version tag and no VERSION was given", e.Error.Message);
    }

    [Fact]
    public void A_VERSION_that_is_not_one_is_a_usage_error()
    {
        var e = Assert.Throws<SlipwayException>(() => CiReleaseVersion.Choose("$(reboot)", null, [], Naming));

        Assert.Equal(ExitCode.Usage, e.Error.Code);
    }

    [Fact]
    public void The_image_step_is_done_when_every_version_tag_is_on_the_build()
    {
        var state = VersionImageState.Decide(Tags, Tags.ToDictionary(t => t, _ => (string?)A), "main-abc1234", A);

        Assert.Equal(new VersionImageState(VersionImageStatus.Done, A, "main-abc1234"), state);
    }

    [Fact]
    public void A_missing_or_moved_version_tag_is_work_copied_from_the_build()
    {
        var digests = new Dictionary<string, string?> { ["v1.3.0"] = A, ["v1"] = B };

        Assert.Equal(new VersionImageState(VersionImageStatus.ToDo, A, "main-abc1234"), VersionImageState.Decide(Tags, digests, "main-abc1234", A));
    }

    [Fact]
    public void Without_the_build_tag_the_main_version_tag_is_the_image_to_complete_from()
    {
        var digests = new Dictionary<string, string?> { ["v1.3.0"] = B };

        Assert.Equal(new VersionImageState(VersionImageStatus.ToDo, B, "v1.3.0"), VersionImageState.Decide(Tags, digests, "main-abc1234", null));
        Assert.Equal(VersionImageStatus.Done, VersionImageState.Decide(Tags, Tags.ToDictionary(t => t, _ => (string?)B), "main-abc1234", null).Status);
    }

    [Fact]
    public void Neither_the_build_nor_the_version_tag_means_nothing_to_tag()
    {
        Assert.Equal(VersionImageStatus.Missing, VersionImageState.Decide(Tags, new Dictionary<string, string?>(), "main-abc1234", null).Status);
    }

    [Fact]
    public void An_environment_has_the_release_when_its_current_deployment_is_that_version_and_succeeded()
    {
        DeploymentRecord Attempt(string version, DeploymentOutcome outcome, int minute) => new()
        {
            Id = $"{minute}",
            Environment = "staging",
            Version = SemanticVersion.Parse(version),
            Action = DeploymentAction.Deploy,
            Outcome = outcome,
            At = DateTimeOffset.UnixEpoch.AddMinutes(minute),
            Actor = "ci",
        };
        var v130 = SemanticVersion.Parse("1.3.0");

        Assert.False(OnRelease.AlreadyDeployed(new DeploymentHistory([]), "staging", v130));
        Assert.True(OnRelease.AlreadyDeployed(new DeploymentHistory([Attempt("1.3.0", DeploymentOutcome.Succeeded, 1)]), "staging", v130));
        Assert.False(OnRelease.AlreadyDeployed(new DeploymentHistory([Attempt("1.3.0", DeploymentOutcome.Failed, 1)]), "staging", v130));
        Assert.False(OnRelease.AlreadyDeployed(new DeploymentHistory([Attempt("1.3.0", DeploymentOutcome.Succeeded, 1), Attempt("1.2.0", DeploymentOutcome.Succeeded, 2)]), "staging", v130));
        Assert.True(OnRelease.AlreadyDeployed(new DeploymentHistory([Attempt("1.3.0", DeploymentOutcome.Succeeded, 1), Attempt("1.4.0", DeploymentOutcome.Blocked, 2)]), "staging", v130));
    }
}
