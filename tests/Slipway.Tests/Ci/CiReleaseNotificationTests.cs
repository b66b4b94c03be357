using Slipway.Tests.Fixtures;
using Slipway.Tests.Notifications;

namespace Slipway.Tests.Ci;

/// <summary>`ci release` announces what it does, as `release` and `deploy` do: the GitHub release it publishes and each deployment; a re-run that finds them done is quiet.</summary>
public sealed class CiReleaseNotificationTests
{
    [Fact]
    public void The_publish_and_the_staging_deployment_are_announced_once()
    {
        using var slack = new WebhookListener();
        using var setup = new CiReleaseSetup();
        var config = Path.Combine(setup.Example.Repo.Path, "slipway.yml");
        File.AppendAllText(config, "notify:\n" + Notified.Slack());
        setup.PushBuild();
        var environment = Notified.Environment(slack);

        var first = setup.CiRelease(environment);
        var second = setup.CiRelease(environment);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var headlines = slack.WaitFor(2).Select(Notified.Headline).Select(h => h[(h.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToList();
        Assert.Equal(["v1.3.0: the GitHub release is published", "1.3.0 is deployed to staging"], headlines);
        Assert.Equal(2, slack.Requests.Count);
    }
}
