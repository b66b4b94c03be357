using Slipway.Core.Versioning;

namespace Slipway.Core.Images;

/// <summary>A version read from a tag for a semver/pep440 rule: the template values its pattern can use and the version that orders it among releases.</summary>
internal sealed record ReleaseTagValue(IReadOnlyDictionary<string, string> Fields, SemanticVersion Order, bool IsRelease)
{
    /// <summary>node-semver's strict `valid()`: an optional leading v, then SemVer 2.0.0.</summary>
    public static ReleaseTagValue? FromSemver(string raw)
    {
        var text = raw.Trim();
        if (text.StartsWith('v'))
        {
            text = text[1..];
        }

        if (text.Length > 256 || !SemanticVersion.TryParse(text, out var version))
        {
            return null;
        }

        var ic = System.Globalization.CultureInfo.InvariantCulture;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["raw"] = raw,
            ["version"] = version.Core.ToString() + (version.IsPrerelease ? "-" + string.Join('.', version.Prerelease) : string.Empty),
            ["major"] = version.Major.ToString(ic),
            ["minor"] = version.Minor.ToString(ic),
            ["patch"] = version.Patch.ToString(ic),
            ["prerelease"] = string.Join(',', version.Prerelease),
            ["build"] = string.Join(',', version.Build),
        };
        return new ReleaseTagValue(fields, version, !version.IsPrerelease);
    }

    /// <summary>A PEP 440 version; pre-, post- and dev-releases are not releases for floating tags (metadata-action gives them only their exact tag).</summary>
    public static ReleaseTagValue? FromPep440(string raw)
    {
        if (Pep440Version.TryParse(raw, out var version) is false || version is null)
        {
            return null;
        }

        var ic = System.Globalization.CultureInfo.InvariantCulture;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["raw"] = raw,
            ["version"] = version.ToString(),
            ["major"] = version.Major.ToString(ic),
            ["minor"] = version.Minor.ToString(ic),
            ["patch"] = version.Patch.ToString(ic),
        };
        var order = new SemanticVersion(version.Major, version.Minor, version.Patch, version.IsFinal ? null : ["pep440"]);
        return new ReleaseTagValue(fields, order, version.IsFinal);
    }
}
