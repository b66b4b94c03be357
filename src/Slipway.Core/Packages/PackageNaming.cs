using Slipway.Core.Configuration;
using Slipway.Core.Versioning;

namespace Slipway.Core.Packages;

/// <summary>A package's tag templates as a <see cref="TagNaming"/>: `{name}-v{version}` for `api` is the prefix `api-v`.</summary>
public static class PackageNaming
{
    private const string Version = "{version}";

    public static TagNaming For(PackageConfig package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return new TagNaming([.. package.Tags.Select(t => Prefix(t, package.Name)).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The prefix a template gives for a package name; the template must end with {version}.</summary>
    public static string Prefix(string template, string name)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Problem(template) is { } problem
            ? throw new ArgumentException(problem, nameof(template))
            : template[..^Version.Length].Replace("{name}", name, StringComparison.Ordinal);
    }

    /// <summary>What is wrong with a tag template, or null.</summary>
    public static string? Problem(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.EndsWith(Version, StringComparison.Ordinal) || template.IndexOf(Version, StringComparison.Ordinal) != template.Length - Version.Length)
        {
            return $"'{template}' must end with {Version}, once";
        }

        var rest = template[..^Version.Length].Replace("{name}", string.Empty, StringComparison.Ordinal);
        return rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal)
            ? $"'{template}' has a placeholder other than {{name}} and {{version}}"
            : null;
    }

    /// <summary>The package whose tag <paramref name="tagName"/> is (a pushed `api-v1.2.0` is api's), or null.</summary>
    public static PackageConfig? Owner(IReadOnlyList<PackageConfig> packages, string tagName)
    {
        ArgumentNullException.ThrowIfNull(packages);
        return packages.FirstOrDefault(p => For(p).TryParse(tagName, out _));
    }

    /// <summary>Two packages whose tags could be read as each other's versions (one prefix starts another's and the rest is a version), or null.</summary>
    public static (string First, string Second, string Prefix)? Clash(IReadOnlyList<PackageConfig> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var prefixes = packages.SelectMany(p => For(p).Prefixes.Select(prefix => (p.Name, Prefix: prefix))).ToList();
        for (var i = 0; i < prefixes.Count; i++)
        {
            for (var j = 0; j < prefixes.Count; j++)
            {
                var (a, b) = (prefixes[i], prefixes[j]);
                if (a.Name == b.Name || !b.Prefix.StartsWith(a.Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                // a's prefix starts b's: b's tag "b-prefix1.2.3" is a's version only if what follows a's prefix parses.
                if (a.Prefix == b.Prefix || SemanticVersion.TryParse(b.Prefix[a.Prefix.Length..] + "1.0.0", out _, out _))
                {
                    return (a.Name, b.Name, b.Prefix);
                }
            }
        }

        return null;
    }
}
