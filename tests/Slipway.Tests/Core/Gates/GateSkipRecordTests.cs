using Slipway.Core.Deployments;
using Slipway.Core.Gates;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core.Gates;

/// <summary>A skipped gate's trail: the tag message's lines read back, and the ledger's release record, which no environment sees.</summary>
public sealed class GateSkipRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_skips_read_back_from_a_tag_message_are_those_written_into_it()
    {
        GateSkip[] skips = [new("ci_green", "runner outage, INC-42"), new("reviewed", "hotfix: reviewed on the call")];
        var message = "Release v1.3.0\n\n### Bug Fixes\n\n* Skipped gate in prose is not a line of ours\n\n" + string.Join("\n", skips.Select(s => s.TagLine)) + "\n";

        Assert.Equal(skips, GateSkip.FromTagMessage(message));
        Assert.Equal(skips, GateSkip.FromTagMessage(message.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.Empty(GateSkip.FromTagMessage("Release v1.3.0\n\nSkipped gate : nothing named\nSkipped gate ci_green without a reason"));
    }

    [Fact]
    public void A_release_record_is_in_the_ledger_s_releases_and_in_no_environment_s_history()
    {
        var release = GateSkip.Record("r1", "v1.3.0", SemanticVersion.Parse("1.3.0"), "abc", [new("ci_green", "flaky")], At, "alice");
        var deploy = new DeploymentRecord
        {
            Id = "d1",
            Environment = "staging",
            Version = SemanticVersion.Parse("1.3.0"),
            Action = DeploymentAction.Deploy,
            Outcome = DeploymentOutcome.Succeeded,
            At = At,
            Actor = "bob",
        };

        var history = new DeploymentHistory([release, deploy, release]);

        Assert.Equal(["d1"], history.Records.Select(r => r.Id));
        Assert.Equal("r1", Assert.Single(history.Releases).Id);
        Assert.Equal(["staging"], history.Environments());
        Assert.Equal("v1.3.0 released with gate ci_green skipped (flaky)", release.Detail);
        Assert.Equal("release", DeploymentNames.Of(release.Action));
        Assert.Equal(DeploymentAction.Release, DeploymentNames.Action("release"));
    }
}
