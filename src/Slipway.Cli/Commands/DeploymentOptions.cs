using System.CommandLine;
using System.Text.RegularExpressions;
using Slipway.Core.Errors;

namespace Slipway.Cli.Commands;

/// <summary>The options deploy, promote and rollback share.</summary>
public static partial class DeploymentOptions
{
    public static Option<bool> DryRun() => new("--dry-run") { Description = "Show the checks and the helm command, render the chart with helm template; deploy and record nothing" };

    public static Option<string?> Reason() => new("--reason") { Description = "Why: recorded in the ledger with the attempt (required with --force)", HelpName = "TEXT" };

    public static Option<bool> Force() => new("--force") { Description = "Bypass the environment's requirements (approval, promoted_from); needs --reason, and is recorded" };

    public static Option<string?> Digest() => new("--image-digest") { Description = "The image digest being deployed (sha256:...), recorded with the attempt", HelpName = "DIGEST" };

    /// <summary>--force without a reason is a usage error: an override must say why.</summary>
    public static string? CheckedReason(string? reason, bool force)
    {
        if (force && string.IsNullOrWhiteSpace(reason))
        {
            throw new SlipwayException(SlipwayError.Usage("--force needs --reason TEXT", "say why the requirements are bypassed, e.g. --force --reason \"hotfix for incident 42\""));
        }

        return string.IsNullOrWhiteSpace(reason) ? null : reason;
    }

    public static string? CheckedDigest(string? digest) =>
        digest is null || DigestPattern().IsMatch(digest)
            ? digest
            : throw new SlipwayException(SlipwayError.Usage($"'{digest}' is not an image digest", "write it as sha256: and 64 hex digits"));

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestPattern();
}
