using System.CommandLine;

namespace Slipway.Cli.Commands;

/// <summary>`slipway image ...`: container image tags and their promotion in the registry.</summary>
public static class ImageCommand
{
    public static Command Create() => new("image", "Container images: the tags a version gets, giving them to an image already in the registry, and scanning it")
    {
        ImageTagsCommand.Create(),
        ImagePromoteCommand.Create(),
        ImageScanCommand.Create(),
    };
}
