using System.Text;

namespace Slipway.Core.Setup;

/// <summary>Where `slipway init --release-page` publishes the release page (`slipway status --html`).</summary>
public enum ReleasePageTarget
{
    /// <summary>No page workflow (the default).</summary>
    None,

    /// <summary>Uploaded as the workflow run's artifact `release-page`.</summary>
    Artifact,

    /// <summary>Published to the repository's GitHub Pages site.</summary>
    Pages,
}

/// <summary>
/// .github/workflows/release-page.yml: after every run of the release and deploy-production workflows (and from the Actions
/// tab), renders the release page from the repository and its ledger and uploads it as an artifact or publishes it to GitHub
/// Pages. A workflow of its own, so that the page's permissions (pages, id-token) are nowhere near the jobs that deploy.
/// </summary>
/// <remarks>`workflow_run` runs on the default branch's workflow and checkout, never on a pull request's code, and no event data
/// reaches a `run:` script.</remarks>
public static class ReleasePageWorkflowWriter
{
    public const string Path = ".github/workflows/release-page.yml";

    /// <summary>The names of the workflows whose runs refresh the page (the `name:` of those init writes).</summary>
    public static readonly IReadOnlyList<string> After = ["release", "deploy-production"];

    /// <summary>Reads the option's value (artifact, pages or none); null when it is none of them.</summary>
    public static ReleasePageTarget? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" => ReleasePageTarget.None,
        "artifact" => ReleasePageTarget.Artifact,
        "pages" => ReleasePageTarget.Pages,
        _ => null,
    };

    /// <summary>The workflow, or null for <see cref="ReleasePageTarget.None"/>.</summary>
    public static string? Write(ReleasePageTarget target, WorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (target == ReleasePageTarget.None)
        {
            return null;
        }

        var pages = target == ReleasePageTarget.Pages;
        var text = new StringBuilder();
        text.Append($$$"""
            # Written by `slipway init --release-page {{{(pages ? "pages" : "artifact")}}}`. After each run of the {{{string.Join(" and ", After)}}} workflows, and from
            # the Actions tab, renders the release page (`slipway status --html`: what runs where, the deployments, the four
            # delivery metrics) from the repository and its deployment ledger, and {{{(pages ? "publishes it to GitHub Pages (Settings > Pages >\n# Source: GitHub Actions)" : "uploads it as the run's artifact release-page")}}}.
            name: release-page

            on:
              workflow_run:
                workflows: [{{{string.Join(", ", After)}}}]
                types: [completed]
              workflow_dispatch:

            permissions: {}

            concurrency:
              group: slipway-release-page   # the newest run's page wins
              cancel-in-progress: true

            jobs:
              page:
                name: Render the release page
                runs-on: ubuntu-latest
                permissions:
                  contents: read   # the history and the deployment ledger (refs/slipway/ledger)
                steps:

            """);
        text.Append(settings.CheckoutAndInstall("      "));
        text.Append("""
                  - name: Render the page
                    run: |
                      mkdir -p _site
                      slipway status --html _site/index.html

            """);
        text.Append(pages
            ? """
                      - uses: actions/upload-pages-artifact@v3
                        with:
                          path: _site

                  publish:
                    name: Publish to GitHub Pages
                    needs: page
                    runs-on: ubuntu-latest
                    permissions:
                      pages: write      # deploy the site
                      id-token: write   # prove to Pages that this run deploys it
                    environment:
                      name: github-pages
                      url: ${{ steps.deployment.outputs.page_url }}
                    steps:
                      - id: deployment
                        uses: actions/deploy-pages@v4

                """
            : """
                      - uses: actions/upload-artifact@v4
                        with:
                          name: release-page
                          path: _site/index.html

                """);
        return text.ToString();
    }
}
