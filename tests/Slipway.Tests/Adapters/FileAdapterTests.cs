using Slipway.Adapters.Configuration;
using Slipway.Adapters.Files;

namespace Slipway.Tests.Adapters;

/// <summary>The file questions the commands ask (which exist, where slipway.yml is, a user's template, a killed run's leftovers), on a real temporary folder.</summary>
public sealed class FileAdapterTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("slipway-files-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string relative, string text = "x")
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Existing_and_missing_files_keep_the_order_asked()
    {
        Write("Dockerfile");
        Write("deploy/values-prod.yaml");

        Assert.Equal(["deploy/values-prod.yaml", "Dockerfile"], FilePresence.Existing(_root.FullName, ["deploy/values-prod.yaml", "nope.yaml", "Dockerfile"]));
        Assert.Equal(["nope.yaml"], FilePresence.Missing(_root.FullName, ["deploy/values-prod.yaml", "nope.yaml", "Dockerfile"]));
    }

    [Fact]
    public void A_program_is_a_path_from_the_root_or_a_name_on_PATH()
    {
        Write("scripts/deploy.sh");
        var bin = Path.GetDirectoryName(Write("bin/kubectl"))!;

        Assert.True(FilePresence.ProgramExists(_root.FullName, "./scripts/deploy.sh", null));
        Assert.False(FilePresence.ProgramExists(_root.FullName, "./scripts/missing.sh", bin));
        Assert.True(FilePresence.ProgramExists(_root.FullName, "kubectl", $"/nowhere:{bin}"));
        Assert.False(FilePresence.ProgramExists(_root.FullName, "deploy.sh", $"/nowhere:{bin}"));
        Assert.False(FilePresence.ProgramExists(_root.FullName, "kubectl", null));
    }

    [Fact]
    public void Slipway_yml_is_the_folders_own_else_the_top_levels_else_none()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_root.FullName, "services", "api")).FullName;
        Assert.Null(ConfigLoader.Find(sub, _root.FullName));

        var top = Write("slipway.yml");
        Assert.Equal(top, ConfigLoader.Find(sub, _root.FullName));

        var own = Write("services/api/slipway.yml");
        Assert.Equal(own, ConfigLoader.Find(sub, _root.FullName));
    }

    [Fact]
    public void A_template_file_is_its_text_or_null_when_it_does_not_exist()
    {
        var path = Write("notes.liquid", "{{ version }}");

        Assert.Equal("{{ version }}", TemplateFile.Read(path));
        Assert.Null(TemplateFile.Read(path + ".missing"));
    }

    [Fact]
    public void A_killed_runs_temporary_files_are_removed_beside_the_release_files_and_among_the_untracked_ones()
    {
        // The writer in the name is 32 hex digits: the form of versions that did not name their process, always a leftover.
        var writer = new string('a', 32);
        Write("CHANGELOG.md");
        Write($".CHANGELOG.md.slipway-{writer}.tmp");
        Write($"deploy/.values.yaml.slipway-{writer}.tmp");
        Write("deploy/notes.txt");
        Write(".CHANGELOG.md.slipway-mine.tmp");

        var removed = AtomicFile.RemoveLeftovers(_root.FullName, ["CHANGELOG.md"], [$"deploy/.values.yaml.slipway-{writer}.tmp", "deploy/notes.txt", $".CHANGELOG.md.slipway-{writer}.tmp"]);

        Assert.Equal([$".CHANGELOG.md.slipway-{writer}.tmp", $"deploy/.values.yaml.slipway-{writer}.tmp"], removed);
        Assert.True(File.Exists(Path.Combine(_root.FullName, "deploy/notes.txt")));
        Assert.True(File.Exists(Path.Combine(_root.FullName, ".CHANGELOG.md.slipway-mine.tmp")));
        Assert.False(File.Exists(Path.Combine(_root.FullName, $"deploy/.values.yaml.slipway-{writer}.tmp")));
    }
}
