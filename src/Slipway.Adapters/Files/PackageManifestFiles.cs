using Slipway.Core.Configuration;
using Slipway.Core.Packages;

namespace Slipway.Adapters.Files;

/// <summary>The packages' manifests as the working tree has them, for <see cref="PackageDependencies.Find"/> to read who depends on whom.</summary>
public static class PackageManifestFiles
{
    /// <summary>package.json, pyproject.toml and every *.csproj at the top of each package's folder (a folder that is missing has none).</summary>
    public static IReadOnlyList<PackageManifest> Read(string root, IReadOnlyList<PackageConfig> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var manifests = new List<PackageManifest>();
        foreach (var package in packages)
        {
            var folder = Path.Combine(root, package.Path);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var files = PackageDependencies.ManifestNames.Select(n => Path.Combine(folder, n)).Where(File.Exists)
                .Concat(Directory.EnumerateFiles(folder, "*.csproj").Order(StringComparer.Ordinal));
            manifests.AddRange(files.Select(f => new PackageManifest(package.Name, Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f))));
        }

        return manifests;
    }
}
