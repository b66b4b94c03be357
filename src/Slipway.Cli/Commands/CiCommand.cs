using System.CommandLine;

namespace Slipway.Cli.Commands;

/// <summary>`slipway ci ...`: GitHub Actions glue (step outputs written safely).</summary>
public static class CiCommand
{
    public static Command Create() => new("ci", "GitHub Actions glue: the release after a tag push or a merged release pull request, the standing release pull request, step outputs in $GITHUB_OUTPUT written so that no value can break out")
    {
        CiImageTagsCommand.Create(),
        CiReleaseCommand.Create(),
        CiReleasePrCommand.Create(),
    };
}
