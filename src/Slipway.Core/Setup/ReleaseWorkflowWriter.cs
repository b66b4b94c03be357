using System.Text;
using Slipway.Core.Configuration;

namespace Slipway.Core.Setup;

/// <summary>
/// .github/workflows/release.yml: on a version tag push, build and push the image (tags from `slipway ci image-tags`), then
/// `slipway ci release` (version tags, GitHub release, on_release deployments); from the Actions tab, `slipway release`.
/// With release.flow: pull_request it runs on every push to the branch instead: `slipway ci release` releases a merged release
/// pull request (tags its commit), then `slipway ci release-pr` opens or updates the next one; there is no tag-cutting job.
/// </summary>
/// <remarks>No event data or input is ever inside a `run:` script (they come in through `env:`); each job has only the permissions it uses.</remarks>
public static class ReleaseWorkflowWriter
{
    public const string Path = ".github/workflows/release.yml";

    public static string Write(ProjectLayout layout, WorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(settings);
        var onRelease = layout.Environments.Where(e => e.OnRelease).Select(e => e.Name).ToList();
        var bumps = layout.Versioning.Conventional ? new[] { "auto", "patch", "minor", "major" } : ["patch", "minor", "major"];
        var image = layout.Image is not null && layout.Dockerfile is not null;
        var pullRequest = layout.Flow == ReleaseFlow.PullRequest;
        var text = new StringBuilder();
        if (pullRequest)
        {
            text.Append($$$"""
                # Written by `slipway init` (release.flow: pull_request). Every push to {{{layout.Branch ?? "main"}}} updates the release pull request
                # (`slipway ci release-pr`); merging it is the release: on that push `slipway ci release` tags the merged commit,
                # {{{(image ? "gives the image built for it the version's tags, " : string.Empty)}}}publishes the GitHub release{{{(onRelease.Count > 0 ? $" and deploys {string.Join(", ", onRelease)}" : string.Empty)}}}.
                name: release

                on:
                  push:
                    branches: [{{{YamlText.Quote(layout.Branch ?? "main")}}}]
                    tags: [{{{string.Join(", ", layout.ReleaseTagPatterns.Select(YamlText.Quote))}}}]

                permissions: {}

                jobs:

                """);
        }
        else
        {
            text.Append($$$"""
                # Written by `slipway init`. A version tag push ({{{string.Join(", ", layout.ReleaseTagPatterns)}}}) releases it:
                {{{(image ? "# the image is built and pushed with its tags, then " : "# ")}}}`slipway ci release` publishes the GitHub release{{{(onRelease.Count > 0 ? $" and deploys {string.Join(", ", onRelease)}" : string.Empty)}}}.
                # From the Actions tab, "Run workflow" cuts the next release with `slipway release` (the seed's scripts/release.sh).
                name: release

                on:
                  push:
                    tags: [{{{string.Join(", ", layout.ReleaseTagPatterns.Select(YamlText.Quote))}}}]
                  workflow_dispatch:
                    inputs:
                      bump:
                        description: "The version bump{{{(layout.Versioning.Conventional ? " (auto: from the Conventional Commits)" : string.Empty)}}}"
                        type: choice
                        options: [{{{string.Join(", ", bumps)}}}]
                        default: {{{bumps[0]}}}

                permissions: {}

                jobs:
                  cut:
                    name: Cut the release
                    if: github.event_name == 'workflow_dispatch' && github.ref_type == 'branch'
                    runs-on: ubuntu-latest
                    permissions:
                      contents: write   # push the tag (and the release commit)
                      actions: write    # start this workflow on the new tag
                    concurrency:
                      group: slipway-release-cut
                      cancel-in-progress: false
                    steps:

                """);
            text.Append(settings.CheckoutAndInstall("      "));
            text.Append($$$"""
                      - name: Tag and push the next version
                        env:
                          BUMP: ${{ inputs.bump }}
                          TAG_PREFIX: {{{YamlText.Quote(layout.TagPrefixes[0])}}}
                          GH_TOKEN: ${{ github.token }}
                          GH_REPO: ${{ github.repository }}
                        run: |
                          git config user.name "github-actions[bot]"
                          git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
                          slipway release "$BUMP" --yes
                          # A tag pushed with the job's token starts no workflow (GitHub's rule): start this one on the tag.
                          gh workflow run release.yml --ref "$TAG_PREFIX$(slipway version)"

                """);
        }

        if (image)
        {
            text.Append($$$"""

                  image:
                    name: Build and push the image

                """);
            // With the pull request flow every push to the branch builds its image (main-abc1234): a merged release's is then ready.
            text.Append(pullRequest ? string.Empty : "    if: github.ref_type == 'tag'\n");
            text.Append($$$"""
                    runs-on: ubuntu-latest
                    permissions:
                      contents: read
                      packages: write   # push to ghcr.io
                    steps:

                """);
            text.Append(settings.CheckoutAndInstall("      "));
            text.Append($$$"""
                      - name: Image tags and labels
                        id: meta
                        uses: {{{settings.ActionReference}}}
                        with:
                          version: {{{YamlText.Quote(settings.ToolVersion)}}}
                          command: ci image-tags
                      - uses: docker/setup-buildx-action@v3
                      - uses: docker/login-action@v3
                        with:
                          registry: ghcr.io
                          username: ${{ github.actor }}
                          password: ${{ secrets.GITHUB_TOKEN }}
                      - uses: docker/build-push-action@v6
                        with:
                          context: .
                          file: {{{layout.Dockerfile}}}
                          push: true
                          tags: ${{ steps.meta.outputs.tags }}
                          labels: ${{ steps.meta.outputs.labels }}
                          cache-from: type=gha
                          cache-to: type=gha,mode=max

                """);
        }

        var group = onRelease.Count > 0 ? "slipway-deploy-" + string.Join("-", onRelease) : "slipway-release";
        text.Append($$$"""

              release:
                name: Release{{{(onRelease.Count > 0 ? $" and deploy {string.Join(", ", onRelease)}" : string.Empty)}}}

            """);
        text.Append(pullRequest ? string.Empty : "    if: github.ref_type == 'tag'\n");
        if (image)
        {
            text.Append("    needs: image\n");
        }

        text.Append($$$"""
                runs-on: ubuntu-latest
                permissions:
                  contents: write      # the GitHub release{{{(onRelease.Count > 0 ? " and the deployment ledger (refs/slipway/ledger)" : string.Empty)}}}{{{(pullRequest ? ", the release branch and the tag" : string.Empty)}}}

            """);
        if (image)
        {
            text.Append("      packages: write      # the version tags in ghcr.io\n");
        }

        if (onRelease.Count > 0)
        {
            text.Append("      deployments: write   # GitHub Deployments mirror of each deployment\n");
        }

        if (pullRequest)
        {
            text.Append("      pull-requests: write # open, update and relabel the release pull request\n");
        }

        text.Append($$$"""
                concurrency:
                  group: {{{group}}}   # two deployments of one environment never run at once
                  cancel-in-progress: false
                steps:

            """);
        text.Append(settings.CheckoutAndInstall("      "));
        if (onRelease.Count > 0)
        {
            text.Append(WorkflowSettings.ClusterAccess("      "));
        }

        text.Append($$$"""
                  - name: Release
                    id: release
                    uses: {{{settings.ActionReference}}}
                    with:
                      version: {{{YamlText.Quote(settings.ToolVersion)}}}
                      command: ci release
                    env:
                      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}

            """);
        if (pullRequest)
        {
            text.Append($$$"""
                      - name: Release pull request
                        if: github.ref_type == 'branch'
                        uses: {{{settings.ActionReference}}}
                        with:
                          version: {{{YamlText.Quote(settings.ToolVersion)}}}
                          command: ci release-pr
                        env:
                          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}

                """);
        }

        return text.ToString();
    }
}
