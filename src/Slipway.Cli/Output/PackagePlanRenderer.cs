using System.Text;
using System.Text.Json.Nodes;
using Slipway.Core.Packages;
using Slipway.Core.Releases;

namespace Slipway.Cli.Output;

/// <summary>A monorepo's plan: a table of the packages with something to release, and as JSON a list of every package's plan.</summary>
public static class PackagePlanRenderer
{
    public static string Text(IReadOnlyList<PackagePlan> plans, IReadOnlyList<PreflightCheck> checks, Terminal t)
    {
        var text = new StringBuilder();
        var releasing = plans.Where(p => p.Releases || p.Plan.Status is not ReleaseStatus.NothingToRelease).ToList();
        var onHead = plans.Count(p => p.Plan.Status == ReleaseStatus.AlreadyTagged);
        text.AppendLine(t.Bold($"Packages to release ({plans.Count(p => p.Plan.Status == ReleaseStatus.Ready)} of {plans.Count}{(onHead > 0 ? $"; {onHead} released on HEAD" : string.Empty)})"));
        if (releasing.Count > 0)
        {
            var rows = releasing.Select(p => (
                Name: Safe(p.Name),
                Current: p.Plan.Current?.Version.ToString() ?? "none",
                Next: p.Plan.NextTag,
                Commits: p.Plan.Commits.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Why: p.Plan.Status == ReleaseStatus.AlreadyTagged ? $"{p.Plan.NextTag} is on HEAD: release finishes it (push), or says it is released" : p.Plan.Refusal is var (message, _) ? message : p.Plan.Bump.Reason)).ToList();
            var widths = (Name: Math.Max(7, rows.Max(r => r.Name.Length)), Current: Math.Max(7, rows.Max(r => r.Current.Length)), Next: Math.Max(4, rows.Max(r => r.Next.Length)));
            text.AppendLine($"  {"package".PadRight(widths.Name)}  {"current".PadRight(widths.Current)}  {"next".PadRight(widths.Next)}  commits  why");
            foreach (var row in rows)
            {
                text.AppendLine($"  {row.Name.PadRight(widths.Name)}  {row.Current.PadRight(widths.Current)}  {Safe(row.Next).PadRight(widths.Next)}  {row.Commits,7}  {Safe(row.Why)}");
            }
        }

        var unchanged = plans.Where(p => p.Plan.Status == ReleaseStatus.NothingToRelease).Select(p => Safe(p.Name)).ToList();
        if (unchanged.Count > 0)
        {
            text.AppendLine(t.Dim($"  nothing to release: {string.Join(", ", unchanged)}"));
        }

        foreach (var plan in plans.Where(p => p.Releases && p.Plan.Changelog.Length > 0))
        {
            text.AppendLine();
            text.AppendLine(t.Bold($"Changelog of {Safe(plan.Plan.NextTag)}"));
            text.Append(TextSanitizer.ForTerminal(plan.Plan.Changelog));
        }

        if (checks.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(t.Bold("Checks"));
            foreach (var check in checks)
            {
                var mark = check.Ok ? t.Green("ok  ") : t.Red("FAIL");
                text.AppendLine($"  {mark} {Safe(check.Name),-16} {Safe(check.Message)}" + (check.Ok || check.Fix is null ? string.Empty : $" — {Safe(check.Fix)}"));
            }
        }

        return text.ToString();
    }

    /// <summary>`plan --json` with packages: a list, each element `plan --json`'s object for one package plus `package` and `path`.</summary>
    public static string Json(IReadOnlyList<PackagePlan> plans, string? head, string? branch)
    {
        var list = new JsonArray();
        foreach (var plan in plans)
        {
            var item = JsonNode.Parse(PlanRenderer.Json(plan.Plan, head, branch))!.AsObject();
            item.Insert(0, "package", plan.Name);
            item.Insert(1, "path", plan.Package.Path);
            item.Insert(2, "releases", plan.Releases);
            list.Add((JsonNode)item);
        }

        return list.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string Safe(string text) => TextSanitizer.OneLine(text);
}
