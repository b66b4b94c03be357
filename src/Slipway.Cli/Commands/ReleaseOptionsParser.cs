using System.CommandLine;
using Slipway.Cli.Releasing;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Commands;

/// <summary>The bump and --pre inputs shared by plan, version --next and release.</summary>
public static class ReleaseOptionsParser
{
    public static readonly string[] BumpNames = ["auto", "patch", "minor", "major"];

    public static Option<string?> PreOption() => new("--pre")
    {
        Description = "Make a prerelease with this identifier: --pre rc gives 1.3.0-rc.1, then rc.2",
        HelpName = "ID",
    };

    public static ReleaseRequest Request(string? bump, string? pre)
    {
        BumpKind? kind = bump switch
        {
            null or "auto" => null,
            "patch" => BumpKind.Patch,
            "minor" => BumpKind.Minor,
            "major" => BumpKind.Major,
            _ => throw new SlipwayException(SlipwayError.Usage($"'{bump}' is not a bump", $"use one of {string.Join(", ", BumpNames)}")),
        };
        if (pre is not null && !IsIdentifier(pre))
        {
            throw new SlipwayException(SlipwayError.Usage($"--pre '{pre}' is not a prerelease identifier",
                "use letters, digits and '-', starting with a letter (e.g. rc, beta, alpha)"));
        }

        return new ReleaseRequest(kind, pre, Auto: bump == "auto");
    }

    private static bool IsIdentifier(string text) =>
        text.Length is > 0 and <= 64 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
