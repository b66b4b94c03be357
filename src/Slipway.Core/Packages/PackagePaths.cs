using Slipway.Core.Configuration;

namespace Slipway.Core.Packages;

/// <summary>Which packages a changed file belongs to: its `path`, and `also_paths` shared with others.</summary>
public static class PackagePaths
{
    /// <summary>True when <paramref name="file"/> (relative to the root, '/'-separated) is inside the package's path or one of its also_paths.</summary>
    public static bool Touches(PackageConfig package, string file)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(file);
        return Inside(file, package.Path) || package.AlsoPaths.Any(p => Inside(file, p));
    }

    /// <summary>True when <paramref name="file"/> is <paramref name="folder"/> or inside it ("." is the whole repository).</summary>
    public static bool Inside(string file, string folder)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(folder);
        return folder is "." or ""
            || (file.StartsWith(folder, StringComparison.Ordinal) && (file.Length == folder.Length || file[folder.Length] == '/'));
    }

    /// <summary>Two packages whose `path`s overlap (one inside the other), or null: a commit there would count for both without anyone saying so.</summary>
    public static (string First, string Second)? Overlap(IReadOnlyList<PackageConfig> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        foreach (var a in packages)
        {
            foreach (var b in packages)
            {
                if (!ReferenceEquals(a, b) && Inside(b.Path, a.Path))
                {
                    return (a.Name, b.Name);
                }
            }
        }

        return null;
    }
}
