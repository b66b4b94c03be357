using System.Text;
using Slipway.Core.Configuration;
using Slipway.Core.Images;

namespace Slipway.Core.Setup;

/// <summary>The slipway.yml `slipway init` writes: what was found as keys, each piece not found as a comment where it would go.</summary>
public static class SlipwayConfigWriter
{
    public const string FileName = "slipway.yml";

    public static string Write(ProjectLayout layout, string schemaUrl)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var text = new StringBuilder();
        text.Append("# yaml-language-server: $schema=").Append(schemaUrl).Append('\n');
        text.Append("# Written by `slipway init` from what it found in this repository. Every key is described in Slipway's README;\n");
        text.Append("# `slipway schema` prints the JSON Schema that editors use to complete and check this file.\n");

        Notes(text, layout, LayoutTopic.Branch);
        if (layout.Branch is { } branch)
        {
            text.Append("branch: ").Append(YamlText.Quote(branch)).Append('\n');
        }

        Notes(text, layout, LayoutTopic.Remote);
        if (layout.Remote is { } remote)
        {
            text.Append("remote: ").Append(YamlText.Quote(remote)).Append('\n');
        }

        text.Append("tag:\n  prefix: ");
        text.Append(layout.TagPrefixes.Count == 1 ? YamlText.Quote(layout.TagPrefixes[0]) : $"[{string.Join(", ", layout.TagPrefixes.Select(YamlText.Quote))}]");
        text.Append("   # tags ").Append(layout.TagPrefixes[0]).Append("1.2.3; .github/workflows/release.yml runs on them\n");

        if (layout.Packages.Count > 0)
        {
            // A monorepo: each workspace package is released on its own, with its own tags and CHANGELOG.md.
            text.Append("packages:   # each released on its own: `slipway plan` shows which have something to release\n");
            foreach (var package in layout.Packages)
            {
                text.Append("  - { name: ").Append(YamlText.Quote(package.Name)).Append(", path: ").Append(YamlText.Quote(package.Path));
                if (package.Tag != Configuration.PackageConfig.DefaultTag)
                {
                    text.Append(", tag: ").Append(YamlText.Quote(package.Tag));
                }

                if (package.BumpFiles.Count > 0)
                {
                    text.Append(", bump_files: [").Append(string.Join(", ", package.BumpFiles.Select(b => "{ path: " + YamlText.Quote(b.Path) + (b.Key is { } key ? ", key: " + YamlText.Quote(key) : string.Empty) + " }"))).Append(']');
                }

                text.Append(" }\n");
            }
        }

        Notes(text, layout, LayoutTopic.Versioning);
        var versioning = layout.Versioning;
        text.Append("versioning:\n");
        if (versioning.Conventional)
        {
            text.Append("  bump: conventional   # ").Append(versioning.ConventionalCount).Append(" of the last ").Append(versioning.Examined)
                .Append(" commits are Conventional Commits\n");
            text.Append("  preset: ").Append(versioning.Preset)
                .Append(versioning.Preset == "release-please" ? "   # the history uses Release-As footers or release-please's files\n" : "\n");
        }
        else
        {
            text.Append("  bump: manual   # the bump is given: slipway release patch|minor|major\n");
        }

        if (layout.ChangelogFile is { } changelog)
        {
            text.Append("changelog:\n  file: ").Append(YamlText.Quote(changelog)).Append("   # slipway release adds each release to it\n");
        }

        Notes(text, layout, LayoutTopic.BumpFiles);
        if (layout.BumpFiles.Count > 0)
        {
            text.Append("bump_files:   # the version written into these files in the release commit\n");
            foreach (var file in layout.BumpFiles)
            {
                text.Append("  - { path: ").Append(YamlText.Quote(file.Path));
                if (file.Key is { } key)
                {
                    text.Append(", key: ").Append(key);
                }

                text.Append(" }\n");
            }
        }

        Notes(text, layout, LayoutTopic.Image);
        if (layout.Image is { } image)
        {
            text.Append("image:\n  name: ").Append(YamlText.Quote(image)).Append("   # built from ").Append(layout.Dockerfile)
                .Append(" by .github/workflows/release.yml\n");
            text.Append("  tags: |   # docker/metadata-action syntax: the seed's tags\n");
            foreach (var rule in TagRules(layout.TagPrefixes[0]))
            {
                text.Append("    ").Append(rule).Append('\n');
            }
        }

        if (layout.GitHub is { } github)
        {
            text.Append("release:\n  github: { repo: ").Append(YamlText.Quote($"{github.Owner}/{github.Name}")).Append(" }   # GitHub releases with the changelog\n");
        }

        if (layout.Flow == ReleaseFlow.PullRequest)
        {
            text.Append(layout.GitHub is null ? "release:\n" : string.Empty)
                .Append("  flow: pull_request   # slipway ci release-pr keeps a release pull request; merging it releases\n");
        }

        Notes(text, layout, LayoutTopic.Environments);
        if (layout.Chart is { } chart && layout.Environments.Count > 0)
        {
            text.Append("environments:\n");
            foreach (var environment in layout.Environments)
            {
                text.Append("  ").Append(environment.Name).Append(":\n");
                text.Append("    helm:\n");
                text.Append("      release: ").Append(YamlText.Quote(chart.Release)).Append('\n');
                text.Append("      chart: ").Append(YamlText.Quote(chart.Directory.Length == 0 ? "." : "./" + chart.Directory)).Append('\n');
                text.Append("      values: [").Append(YamlText.Quote(environment.ValuesFile)).Append("]\n");
                if (environment.Namespace is { } ns)
                {
                    text.Append("      namespace: ").Append(YamlText.Quote(ns)).Append('\n');
                    text.Append("      create_namespace: true\n");
                }

                text.Append("    # health: { url: \"https://HOST/health\" }   # what Slipway checks after helm (or run: [COMMAND, ARG])\n");
                if (environment.OnRelease)
                {
                    text.Append("    on_release: true   # deployed by .github/workflows/release.yml after each release\n");
                }

                if (environment.Approval)
                {
                    text.Append("    requires: { approval: true");
                    if (environment.PromotedFrom is { } from)
                    {
                        text.Append(", promoted_from: ").Append(from);
                    }

                    text.Append(" }   # .github/workflows/deploy-production.yml, behind GitHub's required reviewers\n");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The seed's tag rules (exact, minor and major version, branch and short sha) for the tag prefix.</summary>
    public static IReadOnlyList<string> TagRules(string prefix) =>
        prefix == "v"
            ? ImageTagRules.DefaultTags.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [$"type=semver,pattern={{{{version}}}}", $"type=semver,pattern={{{{major}}}}.{{{{minor}}}}", $"type=semver,pattern={{{{major}}}}", "type=sha,prefix={{branch}}-"];

    private static void Notes(StringBuilder text, ProjectLayout layout, LayoutTopic topic)
    {
        foreach (var note in layout.NotesFor(topic))
        {
            text.Append("# ").Append(note).Append('\n');
        }
    }
}
