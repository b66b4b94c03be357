using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Slipway.Core.BumpFiles;
using Slipway.Core.Configuration;
using Slipway.Core.Versioning;

namespace Slipway.Core.Packages;

/// <summary>A package's manifest depending on another package of the repository.</summary>
/// <param name="JsonPath">For package.json: where the dependency's version range is (`dependencies`, name), so the release updates it; else null.</param>
public sealed record PackageDependency(string Dependent, string Dependency, string Manifest, IReadOnlyList<string>? JsonPath);

/// <summary>A manifest file in a package's folder, as read: its path relative to the repository root and its text.</summary>
public sealed record PackageManifest(string Package, string Path, string Text);

/// <summary>
/// Which packages depend on which, from their manifests: package.json `dependencies` (and dev, optional; not peer) naming
/// another package's package.json `name`, a `.csproj`'s `ProjectReference` into another package's folder, a
/// pyproject.toml path dependency (`{ path = "../core" }`) into another package's folder.
/// </summary>
public static partial class PackageDependencies
{
    /// <summary>
    /// The package.json sections that make a dependent: not `peerDependencies`, a range of hosts the package works with
    /// rather than a version it ships against (release-please's node-workspace default: a peer range moved to every new
    /// release of the host would force its users to upgrade it).
    /// </summary>
    private static readonly string[] NpmSections = ["dependencies", "devDependencies", "optionalDependencies"];

    /// <summary>The manifest file names looked for in a package's folder (and any `*.csproj` there).</summary>
    public static IReadOnlyList<string> ManifestNames { get; } = ["package.json", "pyproject.toml"];

    public static IReadOnlyList<PackageDependency> Find(IReadOnlyList<PackageConfig> packages, IReadOnlyList<PackageManifest> manifests)
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(manifests);
        var npmNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var manifest in manifests.Where(m => m.Path.EndsWith("package.json", StringComparison.Ordinal)))
        {
            if (NpmName(manifest.Text) is { } name)
            {
                npmNames.TryAdd(name, manifest.Package);
            }
        }

        var found = new List<PackageDependency>();
        foreach (var manifest in manifests)
        {
            var folder = Folder(manifest.Path);
            IEnumerable<(string Target, IReadOnlyList<string>? JsonPath)> targets = manifest.Path switch
            {
                var p when p.EndsWith("package.json", StringComparison.Ordinal) => NpmDependencies(manifest.Text)
                    .Where(d => npmNames.ContainsKey(d.Name)).Select(d => (npmNames[d.Name], (IReadOnlyList<string>?)[d.Section, d.Name])),
                var p when p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) => ProjectReferences(manifest.Text)
                    .Select(r => OwnerOf(packages, Resolve(folder, r))).OfType<string>().Select(t => (t, (IReadOnlyList<string>?)null)),
                var p when p.EndsWith("pyproject.toml", StringComparison.Ordinal) => PathDependencies().Matches(manifest.Text)
                    .Select(m => OwnerOf(packages, Resolve(folder, m.Groups[1].Value))).OfType<string>().Select(t => (t, (IReadOnlyList<string>?)null)),
                _ => [],
            };
            foreach (var (target, jsonPath) in targets)
            {
                if (target != manifest.Package && !found.Any(f => f.Dependent == manifest.Package && f.Dependency == target && f.Manifest == manifest.Path))
                {
                    found.Add(new PackageDependency(manifest.Package, target, manifest.Path, jsonPath));
                }
            }
        }

        return found;
    }

    /// <summary>A cycle among the dependencies (`a → b → a`), or null.</summary>
    public static IReadOnlyList<string>? Cycle(IReadOnlyList<PackageDependency> dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        var edges = dependencies.GroupBy(d => d.Dependent, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Dependency).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 finished
        var path = new List<string>();
        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (state.TryGetValue(node, out var s))
            {
                return s == 1 ? [.. path.Skip(path.IndexOf(node)), node] : null;
            }

            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    /// <summary>
    /// The dependent's manifest with the dependency's range moved to <paramref name="version"/>, its operator kept
    /// (`^1.2.0` → `^1.3.0`); unchanged for what is no plain range (`workspace:*`, `file:../core`, `*`).
    /// </summary>
    public static string Update(string text, IReadOnlyList<string> jsonPath, string version)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (JsonValueLocator.Find(text, jsonPath) is not { } span)
        {
            return text;
        }

        var range = text.Substring(span.Start, span.Length);
        var match = PlainRange().Match(range);
        return match.Success ? text[..span.Start] + match.Groups[1].Value + version + text[(span.Start + span.Length)..] : text;
    }

    /// <summary>
    /// The dependent's manifest with the dependency's range moved up to <paramref name="version"/> (operator kept), and left as it
    /// is when the range already names that version or a higher one: a package's own release pull request (`release_pr.separate`)
    /// follows its dependencies' newest versions, proposed or released, and never moves a range back.
    /// </summary>
    public static string Raise(string text, IReadOnlyList<string> jsonPath, SemanticVersion version)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(version);
        if (JsonValueLocator.Find(text, jsonPath) is not { } span)
        {
            return text;
        }

        var match = PlainRange().Match(text.Substring(span.Start, span.Length));
        return match.Success && SemanticVersion.TryParse(match.Value[match.Groups[1].Length..], out var named) && named.CompareTo(version) >= 0
            ? text
            : Update(text, jsonPath, version.ToString());
    }

    /// <summary>Which package's path holds <paramref name="path"/> (relative to the root), or null.</summary>
    public static string? OwnerOf(IReadOnlyList<PackageConfig> packages, string? path)
    {
        ArgumentNullException.ThrowIfNull(packages);
        return path is null ? null : packages.Where(p => PackagePaths.Inside(path, p.Path)).OrderByDescending(p => p.Path.Length).FirstOrDefault()?.Name;
    }

    private static string Folder(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty;

    /// <summary>A relative reference from a folder, as a root-relative '/'-path; null when it leaves the repository.</summary>
    private static string? Resolve(string folder, string reference)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in reference.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static string? NpmName(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<(string Section, string Name)> NpmDependencies(string text)
    {
        var result = new List<(string, string)>();
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            foreach (var section in NpmSections)
            {
                if (document.RootElement.TryGetProperty(section, out var deps) && deps.ValueKind == JsonValueKind.Object)
                {
                    result.AddRange(deps.EnumerateObject().Where(d => d.Value.ValueKind == JsonValueKind.String).Select(d => (section, d.Name)));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: no dependencies read from it (the package's own bump_files entry says so if it matters).
        }

        return result;
    }

    private static List<string> ProjectReferences(string text)
    {
        try
        {
            return [.. XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => (string?)e.Attribute("Include")).OfType<string>()];
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }
    }

    [GeneratedRegex("""^((?:[\^~]|[<>]=?|=)?\s*)\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex PlainRange();

    [GeneratedRegex(@"path\s*=\s*""([^""\r\n]+)""")]
    private static partial Regex PathDependencies();
}
