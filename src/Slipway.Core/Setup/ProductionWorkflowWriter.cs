using System.Text;

namespace Slipway.Core.Setup;

/// <summary>
/// .github/workflows/deploy-production.yml: from the Actions tab, promote the version good in staging to production, or roll
/// production back, in a job whose GitHub environment `production` holds the required reviewers (the approval).
/// </summary>
public static class ProductionWorkflowWriter
{
    public const string Path = ".github/workflows/deploy-production.yml";

    /// <summary>The workflow, or null when the layout has no production environment.</summary>
    public static string? Write(ProjectLayout layout, WorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(settings);
        if (layout.Production is not { } production)
        {
            return null;
        }

        var promote = production.PromotedFrom is { } source ? source : null;
        var first = promote is null ? "deploy" : "promote";
        var text = new StringBuilder();
        text.Append($$$"""
            # Written by `slipway init`. From the Actions tab, "Run workflow" {{{(promote is null ? "deploys a version to production" : $"promotes the version good in {promote} to production")}}},
            # or rolls production back. The job runs in the GitHub environment `production`: give it required reviewers
            # (Settings > Environments) and GitHub holds the job until one approves; that is Slipway's approval.
            name: deploy-production

            on:
              workflow_dispatch:
                inputs:
                  action:
                    description: "{{{(promote is null ? "deploy: the version below" : $"promote: the newest version good in {promote}")}}}; rollback: the previous good version"
                    type: choice
                    options: [{{{first}}}, rollback]
                    default: {{{first}}}
                  version:
                    description: "A version such as 1.3.0{{{(promote is null ? " (deploy needs it)" : $": promote deploys it if it is good in {promote}")}}}; rollback goes back to it"
                    type: string
                    default: ""

            permissions: {}

            jobs:
              deploy:
                name: ${{ inputs.action }} production
                runs-on: ubuntu-latest
                environment: production
                permissions:
                  contents: write      # the deployment ledger (refs/slipway/ledger)
                  deployments: write   # GitHub Deployments mirror of each deployment
                  packages: read       # the image in ghcr.io
                concurrency:
                  group: slipway-deploy-production   # two deployments of production never run at once
                  cancel-in-progress: false
                env:
                  SLIPWAY_APPROVED_ENVIRONMENT: production   # this job's environment, whose reviewers approved it
                steps:

            """);
        text.Append(settings.CheckoutAndInstall("      "));
        text.Append(WorkflowSettings.ClusterAccess("      "));
        var deploy = promote is null
            ? """
                          deploy)
                            [ -n "$VERSION" ] || { echo "::error title=deploy-production::deploy needs a version"; exit 2; }
                            slipway deploy production -- "$VERSION"
                            ;;
              """
            : $$$"""
                          promote)
                            if [ -z "$VERSION" ]; then
                              slipway promote {{{promote}}} production
                            else
                              slipway deploy production -- "$VERSION"
                            fi
                            ;;
              """;
        text.Append($$$"""
                  - name: Deploy
                    env:
                      ACTION: ${{ inputs.action }}
                      VERSION: ${{ inputs.version }}
                      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                    run: |
                      case "$ACTION" in
            {{{deploy}}}
                        rollback)
                          if [ -z "$VERSION" ]; then
                            slipway rollback production
                          else
                            slipway rollback production --to="$VERSION"
                          fi
                          ;;
                        *)
                          echo "::error title=deploy-production::unknown action"
                          exit 2
                          ;;
                      esac

            """);
        return text.ToString();
    }
}
