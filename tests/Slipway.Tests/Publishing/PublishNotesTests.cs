using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Publishing;

/// <summary>The release body: `slipway notes`' changelog, then the seed's docker pull and helm commands, or the user's Liquid template.</summary>
public sealed class PublishNotesTests
{
    private const string Environments = """
        environments:
          staging:
            helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-staging.yaml],
                    namespace: agent-bus-staging, create_namespace: true }
            on_release: true
          production:
            helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-prod.yaml],
                    namespace: agent-bus-prod, create_namespace: true }

        """;

    [Fact]
    public void The_body_is_the_notes_of_the_version_then_the_seeds_docker_and_helm_commands()
    {
        using var registry = new Registry();
        using var setup = new ReleasedRepo($"image:\n  name: {registry.Host}/acme/agent-bus\n{Environments}");
        setup.Release("1.2.0", "feat: first");
        setup.Release("1.3.0", "feat(api): export to CSV", "fix: crash on empty input");
        registry.Push("acme/agent-bus", "v1.3.0", OciImage.Create());

        var result = setup.Publish("1.3.0");
        var notes = setup.Repo.Slipway("notes", "1.3.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(notes.ExitCode == 0, notes.ToString());
        Assert.Equal(
            notes.StandardOutput.TrimEnd('\n') + "\n"
            + $"\n## Docker image\n\n```bash\ndocker pull {registry.Host}/acme/agent-bus:v1.3.0\n```\n"
            + "\n## Deploy with Helm\n\n```bash\nhelm upgrade --install agent-bus ./helm/agent-bus --set image.tag=v1.3.0 -f helm/agent-bus/values-staging.yaml"
            + " --namespace agent-bus-staging --create-namespace --wait --timeout 5m\n```\n",
            Assert.Single(setup.Api.Releases).Body);
        Assert.Contains("- **api:** export to CSV (", notes.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Liquid_notes_template_gets_the_version_the_tag_and_the_commands()
    {
        using var setup = new ReleasedRepo("release:\n  github: {}\n  notes: .github/notes.liquid\n");
        setup.Repo.WriteFile(".github/notes.liquid", "Release {{ tag }} ({{ version }}){% if docker_pull %} {{ docker_pull }}{% endif %}\n{% for entry in release.commits %}* {{ entry.description }}\n{% endfor %}");
        setup.Repo.Git("add", ".github/notes.liquid");
        setup.Release("2.0.0", "feat: new API");

        var result = setup.Publish("2.0.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Release v2.0.0 (2.0.0)\n* new API\n", Assert.Single(setup.Api.Releases).Body);
    }

    [Fact]
    public void A_typo_in_the_notes_template_is_a_one_line_configuration_error_before_anything_is_published()
    {
        using var setup = new ReleasedRepo("release:\n  notes: notes.liquid\n");
        setup.Repo.WriteFile("notes.liquid", "line one\n{{ dockr_pull }}\n");
        setup.Repo.Git("add", "notes.liquid");
        setup.Release("2.0.0", "feat: new API");

        var result = setup.Publish("2.0.0");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("slipway: notes.liquid:2: template error: undefined variable 'dockr_pull' in `{{ dockr_pull }}`; fix the template notes.liquid (Liquid syntax, see the README's changelog section)",
            result.StandardError.Trim());
        Assert.Empty(setup.Api.Requests);
    }

    [Fact]
    public void A_missing_notes_template_is_a_configuration_error()
    {
        using var setup = new ReleasedRepo("release:\n  notes: missing.liquid\n");
        setup.Release("2.0.0", "feat: new API");

        var result = setup.Publish("2.0.0");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("slipway: release.notes: the template missing.liquid does not exist; create it (a Liquid file, relative to the repository root) or use notes: default", result.StandardError.Trim());
    }

    [Theory]
    [InlineData("release:\n  notes: notes.txt\n", "slipway: slipway.yml:2: release.notes: 'notes.txt' is neither the built-in template nor a .liquid file;")]
    [InlineData("release:\n  github: { repo: not a repo }\n", "slipway: slipway.yml:2: release.github.repo: 'not a repo' is not a GitHub repository; write it as owner/name")]
    [InlineData("release:\n  github: { repository: acme/app }\n", "slipway: slipway.yml:2: release.github.repository: unknown key;")]
    [InlineData("release:\n  gihub: {}\n", "slipway: slipway.yml:2: release.gihub: unknown key;")]
    public void Bad_release_configuration_is_an_error_with_file_line_and_key(string config, string error)
    {
        using var setup = new ReleasedRepo(config);
        setup.Release("1.0.0", "feat: first");

        var result = setup.Publish("1.0.0");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(error, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }
}
