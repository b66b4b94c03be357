namespace Slipway.Core.Setup;

/// <summary>The files `slipway init` writes for a repository, and what it found, as lines for the person deciding.</summary>
public sealed record InitPlan(ProjectLayout Layout, IReadOnlyList<GeneratedFile> Files)
{
    /// <summary>slipway.yml and the workflows for the layout; deploy-production.yml only when there is a production environment;
    /// release-page.yml when a release page is asked for.</summary>
    public static InitPlan For(ProjectLayout layout, string toolVersion, ReleasePageTarget releasePage = ReleasePageTarget.None)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var settings = WorkflowSettings.For(toolVersion);
        var files = new List<GeneratedFile>
        {
            new(SlipwayConfigWriter.FileName, SlipwayConfigWriter.Write(layout, SlipwayProject.SchemaUrl(toolVersion))),
            new(ReleaseWorkflowWriter.Path, ReleaseWorkflowWriter.Write(layout, settings)),
        };
        if (ProductionWorkflowWriter.Write(layout, settings) is { } production)
        {
            files.Add(new(ProductionWorkflowWriter.Path, production));
        }

        if (ReleasePageWorkflowWriter.Write(releasePage, settings) is { } page)
        {
            files.Add(new(ReleasePageWorkflowWriter.Path, page));
        }

        return new InitPlan(layout, files);
    }

    /// <summary>What was found, one "what: value" line each, then one line per piece not found (data quoted, never raw).</summary>
    public IReadOnlyList<string> Findings()
    {
        var layout = Layout;
        var lines = new List<string>
        {
            $"remote:       {(layout.Remote is { } r ? YamlText.Quote(r) + (layout.GitHub is { } g ? $" (GitHub {g.Owner}/{g.Name})" : string.Empty) : "none")}",
            $"branch:       {(layout.Branch is { } b ? YamlText.Quote(b) : "not found (main, the default)")}",
            $"tags:         {string.Join(" or ", layout.TagPrefixes.Select(p => p + "1.2.3"))}",
            layout.Versioning.Conventional
                ? $"versioning:   conventional, preset {layout.Versioning.Preset} ({layout.Versioning.ConventionalCount} of the last {layout.Versioning.Examined} commits are Conventional Commits)"
                : "versioning:   manual",
            $"image:        {(layout.Image is { } image ? $"{image} from {layout.Dockerfile}" : "none")}",
            $"chart:        {(layout.Chart is { } chart ? YamlText.Quote(chart.Directory.Length == 0 ? "." : chart.Directory) + $" (release {chart.Release})" : "none")}",
            $"environments: {(layout.Environments.Count == 0 ? "none" : string.Join(", ", layout.Environments.Select(e => $"{e.Name} ({YamlText.Quote(e.ValuesFile)})")))}",
            $"bump_files:   {(layout.BumpFiles.Count == 0 ? "none" : string.Join(", ", layout.BumpFiles.Select(f => $"{YamlText.Quote(f.Path)}{(f.Key is { } k ? $" ({k})" : string.Empty)}")))}",
        };
        lines.AddRange(layout.Notes.Select(n => $"note:         {n.Text}"));
        return lines;
    }
}

/// <summary>A file init writes: its path in the repository and its whole text.</summary>
public sealed record GeneratedFile(string Path, string Text);
