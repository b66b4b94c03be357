using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Core.Versioning;

/// <summary>
/// The versions a maintenance line may release: at least <see cref="Lower"/> and below <see cref="Upper"/>, compared by their
/// MAJOR.MINOR.PATCH (so 4.2.0-rc.1 is not in &gt;=4.1.0 &lt;4.2.0, and 4.1.1-rc.1 is).
/// </summary>
public sealed partial record VersionRange(SemanticVersion Lower, SemanticVersion Upper)
{
    /// <summary>Whether <paramref name="version"/>'s MAJOR.MINOR.PATCH lies in the range.</summary>
    public bool Contains(SemanticVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var core = version.Core;
        return core >= Lower && core < Upper;
    }

    /// <summary>Whether <paramref name="version"/>'s MAJOR.MINOR.PATCH is below the range's upper bound (its own line or an older one).</summary>
    public bool NotAbove(SemanticVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Core < Upper;
    }

    /// <summary>The same range, ending at <paramref name="upper"/> when that is lower.</summary>
    public VersionRange Below(SemanticVersion upper) => upper < Upper ? this with { Upper = upper } : this;

    public override string ToString() => $">={Lower} <{Upper}";

    /// <summary>
    /// The line a branch name denotes, semantic-release's maintenance names and the release-branch habit: <c>1.x</c> and
    /// <c>1.x.x</c> give &gt;=1.0.0 &lt;2.0.0; <c>1.4.x</c>, <c>1.4</c>, <c>release-1.4</c> and <c>release/v1.4</c> give
    /// &gt;=1.4.0 &lt;1.5.0 (anything up to a '-', '_' or '/', then an optional v). Null when the name is no line (main, next).
    /// </summary>
    public static VersionRange? OfBranch(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = LineName().Match(name);
        return match.Success ? Line(match.Groups["major"].Value, match.Groups["minor"].Success ? match.Groups["minor"].Value : null) : null;
    }

    /// <summary>A `range:` as slipway.yml writes it: <c>1.x</c>, <c>1.x.x</c>, <c>1</c> (a major), <c>1.4.x</c>, <c>1.4</c> (a minor), or <c>&gt;=1.2.0 &lt;1.5.0</c>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out VersionRange? range, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        range = null;
        var trimmed = text.Trim();
        if (RangeLine().Match(trimmed) is { Success: true } line)
        {
            range = Line(line.Groups["major"].Value, line.Groups["minor"].Success ? line.Groups["minor"].Value : null);
            error = string.Empty;
            return range is not null || Fail("a number is too large", out error);
        }

        if (Bounds().Match(trimmed) is not { Success: true } bounds)
        {
            return Fail("write a line (1.x, 1.4.x) or two bounds (>=1.2.0 <1.5.0)", out error);
        }

        if (!SemanticVersion.TryParse(bounds.Groups["lower"].Value, out var lower, out var why)
            || !SemanticVersion.TryParse(bounds.Groups["upper"].Value, out var upper, out why))
        {
            return Fail(why, out error);
        }

        if (lower.IsPrerelease || upper.IsPrerelease || lower.Build.Length > 0 || upper.Build.Length > 0)
        {
            return Fail("the bounds are MAJOR.MINOR.PATCH, without prerelease or build", out error);
        }

        if (upper <= lower)
        {
            return Fail($"{upper} is not above {lower}", out error);
        }

        range = new VersionRange(lower, upper);
        error = string.Empty;
        return true;
    }

    private static VersionRange? Line(string majorText, string? minorText)
    {
        if (!long.TryParse(majorText, NumberStyles.None, CultureInfo.InvariantCulture, out var major) || major == long.MaxValue)
        {
            return null;
        }

        if (minorText is null)
        {
            return new VersionRange(new SemanticVersion(major, 0, 0), new SemanticVersion(major + 1, 0, 0));
        }

        return long.TryParse(minorText, NumberStyles.None, CultureInfo.InvariantCulture, out var minor) && minor != long.MaxValue
            ? new VersionRange(new SemanticVersion(major, minor, 0), new SemanticVersion(major, minor + 1, 0))
            : null;
    }

    private static bool Fail(string why, out string error)
    {
        error = why;
        return false;
    }

    // N.x, N.x.x, N.N.x or N.N at the end of the name, after the start or a separator, with an optional v.
    [GeneratedRegex(@"^(?:.*[-_/])?v?(?<major>0|[1-9][0-9]*)\.(?:x(?:\.x)?|(?<minor>0|[1-9][0-9]*)(?:\.x)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex LineName();

    [GeneratedRegex(@"^(?<major>0|[1-9][0-9]*)(?:\.x(?:\.x)?|\.(?<minor>0|[1-9][0-9]*)(?:\.x)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeLine();

    [GeneratedRegex(@"^>=\s*(?<lower>\S+)\s+<\s*(?<upper>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Bounds();
}
