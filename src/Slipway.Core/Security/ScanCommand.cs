using System.Text.RegularExpressions;

namespace Slipway.Core.Security;

/// <summary>
/// The scanner's command line: an argument array (never a shell string) with {image} (repository@digest), {report} (a file
/// Slipway reads afterwards; without it, stdout is the report), {version} and {tag} replaced in each argument.
/// </summary>
public static partial class ScanCommand
{
    /// <summary>The placeholders an argument may hold.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["image", "report", "version", "tag"];

    /// <summary>The first {name} in the argument that is not a placeholder (a typo such as {imgae}), or null.</summary>
    public static string? UnknownPlaceholder(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return Placeholder().Matches(argument).Select(m => m.Groups[1].Value).FirstOrDefault(n => !Placeholders.Contains(n)) is { } name ? "{" + name + "}" : null;
    }

    /// <summary>Whether the scanner writes its report to the file {report} names (else it prints it).</summary>
    public static bool WritesReportFile(IReadOnlyList<string> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Any(a => a.Contains("{report}", StringComparison.Ordinal));
    }

    /// <summary>The arguments with the placeholders replaced; each stays one argument.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> run, ScanValues values)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(values);
        return [.. run.Select(a => Placeholder().Replace(a, m => m.Groups[1].Value switch
        {
            "image" => values.Image,
            "report" => values.Report,
            "version" => values.Version,
            "tag" => values.Tag,
            _ => m.Value,
        }))];
    }

    [GeneratedRegex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>What the scanner's placeholders stand for.</summary>
/// <param name="Image">repository@digest, e.g. ghcr.io/acme/app@sha256:….</param>
/// <param name="Report">The file the scanner writes its report to.</param>
public sealed record ScanValues(string Image, string Report, string Version, string Tag)
{
    /// <summary>SLIPWAY_IMAGE, SLIPWAY_VERSION and SLIPWAY_TAG, for a wrapper script.</summary>
    public IReadOnlyDictionary<string, string?> Variables => new Dictionary<string, string?>
    {
        ["SLIPWAY_IMAGE"] = Image,
        ["SLIPWAY_VERSION"] = Version,
        ["SLIPWAY_TAG"] = Tag,
    };
}
