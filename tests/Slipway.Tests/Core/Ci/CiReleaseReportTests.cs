using Slipway.Core.Ci;

namespace Slipway.Tests.Core.Ci;

/// <summary>What `ci release` tells the workflow: its step outputs and the job summary's Markdown, from the steps' outcomes.</summary>
public sealed class CiReleaseReportTests
{
    private static CiReleaseReport Report(params CiStepReport[] steps) => new()
    {
        Version = "1.3.0",
        Tag = "v1.3.0",
        Changelog = "### Features\n\n- export (abc1234)\n",
        Image = "ghcr.io/acme/app",
        ImageTags = ["v1.3.0", "v1.3", "v1", "latest"],
        ImageDigest = "sha256:" + new string('a', 64),
        ReleaseUrl = "https://github.com/acme/app/releases/tag/v1.3.0",
        Steps = steps,
    };

    [Fact]
    public void Outputs_say_released_when_a_step_ran_and_list_the_environments_the_version_runs_in()
    {
        var report = Report(
            new("image", CiStepOutcome.AlreadyDone, string.Empty),
            new("publish", CiStepOutcome.Ran, "create the release"),
            new("deploy staging", CiStepOutcome.AlreadyDone, string.Empty, "staging"),
            new("deploy qa", CiStepOutcome.Ran, "deploy", "qa"));

        Assert.Equal(
            [
                new("version", "1.3.0"), new("tag", "v1.3.0"), new("released", "true"),
                new("image_tags", "ghcr.io/acme/app:v1.3.0\nghcr.io/acme/app:v1.3\nghcr.io/acme/app:v1\nghcr.io/acme/app:latest"),
                new("release_url", "https://github.com/acme/app/releases/tag/v1.3.0"), new("deployed", "staging qa"),
            ],
            report.Outputs());
    }

    [Fact]
    public void In_a_monorepo_each_package_gets_its_prefixed_keys_and_the_list_grows_with_each_release()
    {
        var core = Report(new("image", CiStepOutcome.Ran, "tags"), new("deploy staging", CiStepOutcome.Ran, "deploy", "staging")) with { Version = "1.0.1", Tag = "core-v1.0.1" };
        var cli = new CiReleaseReport { Version = "2.1.0", Tag = "cli-v2.1.0", Steps = [new("publish", CiStepOutcome.AlreadyDone, string.Empty)] };

        var first = CiReleaseOutputs.After([("core", core)], alone: false).ToDictionary();
        var both = CiReleaseOutputs.After([("core", core), ("cli", cli)], alone: false);

        Assert.Equal(("1.0.1", "staging", "true"), (first["core--version"], first["core--deployed"], first["released"]));
        Assert.DoesNotContain(both, o => o.Key is "version" or "tag" or "core--version");
        Assert.Equal(("true", "false", "2.1.0"), (both.Single(o => o.Key == "released").Value, both.Single(o => o.Key == "cli--released").Value, both.Single(o => o.Key == "cli--version").Value));
        Assert.Equal(
            """[{"package":"core","version":"1.0.1","tag":"core-v1.0.1","released":true,"release_url":"https://github.com/acme/app/releases/tag/v1.3.0","image_tags":"""
            + """["ghcr.io/acme/app:v1.3.0","ghcr.io/acme/app:v1.3","ghcr.io/acme/app:v1","ghcr.io/acme/app:latest"],"deployed":["staging"]},"""
            + """{"package":"cli","version":"2.1.0","tag":"cli-v2.1.0","released":false,"release_url":null,"image_tags":[],"deployed":[]}]""",
            both.Single(o => o.Key == "releases").Value);
        var alone = CiReleaseOutputs.After([("cli", cli)], alone: true);
        Assert.Equal(cli.Outputs(), alone.Take(cli.Outputs().Count));
    }

    [Fact]
    public void A_run_that_found_everything_done_did_not_release()
    {
        var report = Report(new("image", CiStepOutcome.AlreadyDone, string.Empty), new("deploy staging", CiStepOutcome.AlreadyDone, string.Empty, "staging"));

        Assert.False(report.Released);
        Assert.StartsWith("## Already released: v1.3.0\n", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_shows_each_step_the_image_with_its_digest_the_release_the_environments_and_the_changelog()
    {
        var summary = Report(
            new("image", CiStepOutcome.Ran, "give the image built for abc1234 the tags of 1.3.0"),
            new("publish", CiStepOutcome.Failed, "GitHub failed (500)"),
            new("deploy staging", CiStepOutcome.NotRun, string.Empty, "staging")).Summary();

        Assert.Equal($$"""
            ## Release of v1.3.0 failed

            | Step | Outcome |
            |---|---|
            | image | done: give the image built for abc1234 the tags of 1.3.0 |
            | publish | **failed**: GitHub failed (500) |
            | deploy staging | not run |

            ### Image

            - ghcr.io/acme/app:v1.3.0
            - ghcr.io/acme/app:v1.3
            - ghcr.io/acme/app:v1
            - ghcr.io/acme/app:latest

            Digest: sha256:{{new string('a', 64)}}

            ### GitHub release

            [v1.3.0](https://github.com/acme/app/releases/tag/v1.3.0)

            ### Environments

            - staging: not deployed (an earlier step failed)

            ### Changelog

            ##### Features

            - export (abc1234)

            """, summary);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a | b\n## heading", "a \\| b ## heading")]
    [InlineData("`code` *bold* _em_ [link](x) ![img](y) ~~s~~ \\", "\\`code\\` \\*bold\\* \\_em\\_ \\[link\\](x) \\!\\[img\\](y) \\~\\~s\\~\\~ \\\\")]
    public void Text_from_git_or_the_user_is_text_in_the_summary(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Inline(text));

    [Fact]
    public void A_release_link_cannot_be_closed_early_by_its_address()
    {
        var summary = (Report() with { ReleaseUrl = "https://x/a) [evil](https://e" }).Summary();

        Assert.Contains("[v1.3.0](https://x/a%29%20[evil]%28https://e)", summary, StringComparison.Ordinal);
    }
}
