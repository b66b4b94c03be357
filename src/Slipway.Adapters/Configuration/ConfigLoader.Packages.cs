using Slipway.Core.Configuration;
using Slipway.Core.Git;
using Slipway.Core.Packages;

namespace Slipway.Adapters.Configuration;

/// <summary>The `packages:` and `groups:` sections: a monorepo's packages, each with its paths, tags, changelog and version files.</summary>
public static partial class ConfigLoader
{
    private static List<PackageConfig> ReadPackages(YamlNodeReader root)
    {
        var list = root.MappingList("packages");
        if (list is null)
        {
            return [];
        }

        var packages = new List<PackageConfig>();
        foreach (var reader in list)
        {
            var name = reader.Text("name") ?? throw YamlNodeReader.Error(reader.File, reader.Where, reader.KeyPath("name"),
                "missing", "give each package a name, e.g. { name: api, path: packages/api }");
            if (name.Length == 0 || RefName.Problem(name + "-v1.0.0") is not null || name.Contains('/', StringComparison.Ordinal) && name.StartsWith('/'))
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("name")!, reader.KeyPath("name"), $"'{name}' cannot be part of a git tag name",
                    "use letters, digits, '-', '_', '.', '@' or '/' (e.g. api or @acme/api)");
            }

            if (packages.Any(p => p.Name == name))
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("name")!, reader.KeyPath("name"), $"two packages are named '{name}'", "give each package its own name");
            }

            var path = (RepositoryPath(reader, "path") ?? throw YamlNodeReader.Error(reader.File, reader.Where, reader.KeyPath("path"),
                "missing", $"give the folder of package {name}, e.g. path: packages/{name}")).Replace('\\', '/').TrimEnd('/');
            var also = (reader.StringList("also_paths") ?? []).Select(p => p.Replace('\\', '/').TrimEnd('/')).ToList();
            if (also.FirstOrDefault(p => p.Length == 0 || System.IO.Path.IsPathRooted(p) || p.Split('/').Contains("..")) is { } badAlso)
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("also_paths")!, reader.KeyPath("also_paths"), $"'{badAlso}' is not a path inside the repository",
                    "write it relative to the repository root, e.g. proto/");
            }

            var tags = reader.StringList("tag") ?? [PackageConfig.DefaultTag];
            foreach (var template in tags)
            {
                if (PackageNaming.Problem(template) is { } problem || RefName.Problem(PackageNaming.Prefix(template, name) + "1.0.0") is { } refProblem && (problem = refProblem) is not null)
                {
                    throw YamlNodeReader.Error(reader.File, reader.Node("tag")!, reader.KeyPath("tag"), problem,
                        "write the tag naming with {name} and {version} last, e.g. \"{name}-v{version}\" or \"{name}@{version}\"");
                }
            }

            if (tags.Count == 0)
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("tag")!, reader.KeyPath("tag"), "the list of tag namings is empty", "give at least one, e.g. \"{name}-v{version}\"");
            }

            // changelog: a path, or false for none; by default the package's own CHANGELOG.md.
            var changelog = reader.Node("changelog") is null || reader.Text("changelog") is "true" or "True" or "yes" or "on" ? $"{path}/CHANGELOG.md"
                : reader.Text("changelog") is "false" or "False" or "off" or "no" ? null
                : RepositoryPath(reader, "changelog");
            var bumpFiles = ReadBumpFiles(reader);
            var versioning = reader.Mapping("versioning") is { } versioningReader ? ReadVersioning(versioningReader) : null;
            var image = reader.Mapping("image") is { } imageReader ? ReadImage(imageReader) : null;
            var environments = reader.Mapping("environments") is { } environmentsReader ? ReadEnvironments(environmentsReader) : null;
            reader.RejectUnknownKeys();
            packages.Add(new PackageConfig { Name = name, Path = path, AlsoPaths = also, Tags = tags, Changelog = changelog, BumpFiles = bumpFiles, Versioning = versioning, Image = image, Environments = environments });
        }

        if (PackageNaming.Clash(packages) is { } clash)
        {
            throw YamlNodeReader.Error(root.File, root.Node("packages")!, root.KeyPath("packages"),
                $"packages {clash.First} and {clash.Second} name their tags alike ({clash.Prefix}…): one's tags would be read as the other's versions",
                "give one of them its own tag naming (tag: \"{name}@{version}\")");
        }

        if (PackagePaths.Overlap(packages) is { } overlap)
        {
            throw YamlNodeReader.Error(root.File, root.Node("packages")!, root.KeyPath("packages"),
                $"the path of package {overlap.Second} is inside package {overlap.First}'s: a commit there would count for both",
                $"give {overlap.First} and {overlap.Second} folders side by side; shared code goes in also_paths");
        }

        return packages;
    }

    private static List<PackageGroup> ReadGroups(YamlNodeReader root, IReadOnlyList<PackageConfig> packages)
    {
        var list = root.MappingList("groups");
        if (list is null)
        {
            return [];
        }

        var groups = new List<PackageGroup>();
        foreach (var reader in list)
        {
            var name = reader.Text("name") ?? throw YamlNodeReader.Error(reader.File, reader.Where, reader.KeyPath("name"), "missing", "give each group a name, e.g. { name: core, packages: [api, client] }");
            var members = reader.StringList("packages") ?? throw YamlNodeReader.Error(reader.File, reader.Where, reader.KeyPath("packages"), "missing", "list the packages released together, e.g. packages: [api, client]");
            if (members.FirstOrDefault(m => packages.All(p => p.Name != m)) is { } unknown)
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("packages")!, reader.KeyPath("packages"), $"'{unknown}' is not a package",
                    $"use the names under packages: ({string.Join(", ", packages.Select(p => p.Name))})");
            }

            if (members.FirstOrDefault(m => groups.Any(g => g.Members.Contains(m))) is { } twice)
            {
                throw YamlNodeReader.Error(reader.File, reader.Node("packages")!, reader.KeyPath("packages"), $"package {twice} is in two groups", "put each package in one group");
            }

            reader.RejectUnknownKeys();
            groups.Add(new PackageGroup(name, members));
        }

        return groups;
    }
}
