using Slipway.Adapters.GitHub;
using Slipway.Core.Configuration;

namespace Slipway.Adapters.Configuration;

public static partial class ConfigLoader
{
    /// <summary>`release: { github: { repo: owner/name }, notes: default|path.liquid, flow: direct|pull_request, gates: [...] }`.</summary>
    private static ReleaseConfig ReadRelease(YamlNodeReader? reader)
    {
        if (reader is null)
        {
            return new ReleaseConfig();
        }

        GitHubReleaseConfig? github = null;
        if (reader.Mapping("github") is { } section)
        {
            var repo = section.Text("repo");
            if (repo is not null && !GitHubRepositoryName.TryParse(repo, out _))
            {
                throw YamlNodeReader.Error(section.File, section.Node("repo")!, section.KeyPath("repo"),
                    $"'{repo}' is not a GitHub repository", "write it as owner/name, e.g. tefj-fun/agent_bus");
            }

            section.RejectUnknownKeys();
            github = new GitHubReleaseConfig { Repo = repo };
        }
        else if (((YamlDotNet.RepresentationModel.YamlMappingNode)reader.Where).Children.Keys.Any(k => k is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "github" }))
        {
            // `github:` or `github: {}` with nothing in it: publishing on, the repository from the environment.
            github = new GitHubReleaseConfig();
        }

        var notes = reader.Text("notes") ?? ReleaseConfig.DefaultNotes;
        if (notes != ReleaseConfig.DefaultNotes && !notes.EndsWith(".liquid", StringComparison.Ordinal))
        {
            throw YamlNodeReader.Error(reader.File, reader.Node("notes")!, reader.KeyPath("notes"),
                $"'{notes}' is neither the built-in template nor a .liquid file", "use notes: default, or the path of a Liquid template such as .github/release-notes.liquid");
        }

        var flow = reader.Text("flow") switch
        {
            null or "direct" => ReleaseFlow.Direct,
            "pull_request" => ReleaseFlow.PullRequest,
            var other => throw YamlNodeReader.Error(reader.File, reader.Node("flow")!, reader.KeyPath("flow"),
                $"'{other}' is not a release flow", "use flow: direct (slipway release pushes the tag) or flow: pull_request (a release pull request, merged to release)"),
        };

        var gates = ReadReleaseGates(reader);
        reader.RejectUnknownKeys();
        return new ReleaseConfig { GitHub = github, Notes = notes, Flow = flow, Gates = gates };
    }

    /// <summary>`release_pr: { separate: true }`.</summary>
    private static ReleasePullRequestConfig ReadReleasePr(YamlNodeReader? reader)
    {
        if (reader is null)
        {
            return new ReleasePullRequestConfig();
        }

        var separate = reader.Bool("separate") ?? false;
        reader.RejectUnknownKeys();
        return new ReleasePullRequestConfig { Separate = separate };
    }
}
