using Slipway.Adapters.Actions;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Images;

/// <summary>`slipway ci image-tags`: step outputs in $GITHUB_OUTPUT that no value can break out of.</summary>
public sealed class CiImageTagsCommandTests : IDisposable
{
    private readonly GitRepo _repo = new();
    private readonly TempDirectory _runner = new("slipway-runner");

    public CiImageTagsCommandTests()
    {
        _repo.WriteFile("slipway.yml", """
            image:
              name: ghcr.io/owner/app
              labels:
                - "org.example.branch={{branch}}"
                - "org.example.note=EOF ghadelimiter_0123"
                - "org.example.lines=one\nversion=9.9.9\nEOF\ntags<<X"
            """);
        _repo.Commit("feat: first");
        _repo.Tag("v1.2.0");
    }

    private string OutputPath => Path.Combine(_runner.Path, "github_output");

    public void Dispose()
    {
        _repo.Dispose();
        _runner.Dispose();
    }

    private Dictionary<string, string?> Actions(string reference) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_EVENT_NAME"] = "push",
        ["GITHUB_REF"] = reference,
        ["GITHUB_SHA"] = _repo.Head,
        ["GITHUB_REPOSITORY"] = "owner/app",
        ["GITHUB_OUTPUT"] = OutputPath,
    };

    [Fact]
    public void Missing_github_output_is_one_line_with_exit_2()
    {
        var environment = Actions("refs/tags/v1.2.0");
        environment["GITHUB_OUTPUT"] = null;

        var result = _repo.Slipway(environment, "ci", "image-tags");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("slipway: GITHUB_OUTPUT is not set; run this in a GitHub Actions step, or set GITHUB_OUTPUT to a file path (use `slipway image tags` to print the tags)\n", result.StandardError);
    }

    [Fact]
    public void Tag_push_writes_exactly_tags_labels_and_version_after_earlier_outputs()
    {
        File.WriteAllText(OutputPath, "earlier=kept\n");

        var result = _repo.Slipway(Actions("refs/tags/v1.2.0"), "ci", "image-tags");

        Assert.Equal(0, result.ExitCode);
        var outputs = GitHubOutputFile.Parse(File.ReadAllText(OutputPath));
        Assert.Equal(["earlier", "tags", "labels", "version"], outputs.Select(o => o.Key));
        var values = outputs.ToDictionary(o => o.Key, o => o.Value);
        var sha = _repo.Head[..7];
        Assert.Equal($"ghcr.io/owner/app:v1.2.0\nghcr.io/owner/app:v1.2\nghcr.io/owner/app:v1\nghcr.io/owner/app:main-{sha}\nghcr.io/owner/app:latest", values["tags"]);
        Assert.Equal("v1.2.0", values["version"]);
        var labels = values["labels"].Split('\n');
        Assert.Contains("org.example.branch=main", labels);
        Assert.Contains("org.example.note=EOF ghadelimiter_0123", labels);
        Assert.Contains("org.example.lines=one version=9.9.9 EOF tags<<X", labels);
        Assert.Contains("org.opencontainers.image.version=v1.2.0", labels);
        Assert.Equal(9, labels.Length);
    }

    public static TheoryData<int> RefNames() => HostileInputs.RefNameCases();

    [Theory]
    [MemberData(nameof(RefNames))]
    public void Hostile_ref_name_never_adds_an_output(int index)
    {
        var name = HostileInputs.RefNames[index];
        foreach (var reference in new[] { $"refs/heads/{name}", $"refs/tags/{name}" })
        {
            File.Delete(OutputPath);

            var result = _repo.Slipway(Actions(reference), "ci", "image-tags");

            Assert.True(result.ExitCode == 0, result.ToString());
            var outputs = GitHubOutputFile.Parse(File.ReadAllText(OutputPath));
            Assert.Equal(["tags", "labels", "version"], outputs.Select(o => o.Key));
            var tags = outputs[0].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(tags);
            Assert.All(tags, t => Assert.Matches("^ghcr.io/owner/app:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$", t));
            Assert.DoesNotContain(outputs[1].Value.Split('\n'), l => !l.Contains('=', StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Branch_name_with_an_expression_and_newlines_stays_plain_text_in_its_label()
    {
        _repo.Commit("feat: not released");

        var result = _repo.Slipway(Actions("refs/heads/x${{github.token}}\nEOF\nversion=9.9.9"), "ci", "image-tags");

        Assert.Equal(0, result.ExitCode);
        var outputs = GitHubOutputFile.Parse(File.ReadAllText(OutputPath));
        Assert.Equal(["tags", "labels", "version"], outputs.Select(o => o.Key));
        Assert.Contains("org.example.branch=x${{github.token}} EOF version=9.9.9", outputs[1].Value.Split('\n'));
        Assert.Equal($"ghcr.io/owner/app:x-github.token-EOF-version-9.9.9-{_repo.Head[..7]}", outputs[0].Value);
    }

    [Fact]
    public void Delimiter_that_occurs_in_the_value_is_replaced_by_another()
    {
        var delimiters = new Queue<string>(["EOF", "ghadelimiter_1", "ghadelimiter_2"]);

        var text = GitHubOutput.Format([new("tags", "a\nEOF\nversion=9.9.9")], delimiters.Dequeue);

        Assert.Equal("tags<<ghadelimiter_1\na\nEOF\nversion=9.9.9\nghadelimiter_1\n", text);
        Assert.Equal([new("tags", "a\nEOF\nversion=9.9.9")], GitHubOutputFile.Parse(text));
    }
}
