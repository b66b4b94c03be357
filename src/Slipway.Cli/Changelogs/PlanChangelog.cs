using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing;
using Slipway.Core.Changelog;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Releases;

namespace Slipway.Cli.Changelogs;

/// <summary>The plan's changelog (shown by plan, put in the tag message) in the configured template; the seed's list when none is configured.</summary>
public static class PlanChangelog
{
    public static async Task<ReleasePlan> RenderAsync(Workspace repo, ReleasePlan plan, CancellationToken cancellationToken)
    {
        if (repo.Config.Changelog.Template is null)
        {
            return plan;
        }

        var source = await ChangelogSource.OpenAsync(repo, cancellationToken).ConfigureAwait(false);
        var template = source.Template(null, SeedTemplate.TemplateName);
        return plan with { Changelog = template.Render(source.Document([Release(source, plan)])) };
    }

    /// <summary>The release the plan would make, as the changelog sees it.</summary>
    public static ChangelogRelease Release(ChangelogSource source, ReleasePlan plan) =>
        source.Build(new ReleaseHeading(plan.Next.ToString(), plan.NextTag, plan.Base?.Name, source.Repository.Clock.ReleaseDate), plan.Commits);
}
