using System.Text;

namespace Slipway.Core.Ci;

/// <summary>How one step of `ci release` ended.</summary>
public enum CiStepOutcome
{
    /// <summary>Already done before this run: skipped.</summary>
    AlreadyDone,

    /// <summary>Done by this run.</summary>
    Ran,

    /// <summary>A check that changes nothing (the image scan) passed in this run.</summary>
    Passed,

    /// <summary>This run tried and failed.</summary>
    Failed,

    /// <summary>Not reached: an earlier step failed.</summary>
    NotRun,
}

/// <param name="Name">image, publish, or deploy ENV.</param>
/// <param name="Environment">For a deploy step, the environment.</param>
/// <param name="Detail">What was done or found, or the error, in one line.</param>
public sealed record CiStepReport(string Name, CiStepOutcome Outcome, string Detail, string? Environment = null);

/// <summary>What `ci release` did for one version: the step outputs for $GITHUB_OUTPUT and the Markdown for $GITHUB_STEP_SUMMARY.</summary>
public sealed record CiReleaseReport
{
    public required string Version { get; init; }

    public required string Tag { get; init; }

    /// <summary>The version's changelog section (the GitHub release template's Markdown), or null.</summary>
    public string? Changelog { get; init; }

    /// <summary>The image name (host/owner/app) when an image is configured.</summary>
    public string? Image { get; init; }

    /// <summary>The version's image tags (v1.3.0, v1.3, v1, latest).</summary>
    public IReadOnlyList<string> ImageTags { get; init; } = [];

    public string? ImageDigest { get; init; }

    /// <summary>The image scan's verdict, when one ran (passed or blocked).</summary>
    public Security.ScanVerdict? ImageScan { get; init; }

    public string? ReleaseUrl { get; init; }

    public IReadOnlyList<CiStepReport> Steps { get; init; } = [];

    /// <summary>True when this run changed something (tagged, published or deployed).</summary>
    public bool Released => Steps.Any(s => s.Outcome == CiStepOutcome.Ran);

    /// <summary>The environments the version now runs in: deployed by this run or before it.</summary>
    public IReadOnlyList<string> Deployed =>
        [.. Steps.Where(s => s.Environment is not null && s.Outcome is CiStepOutcome.Ran or CiStepOutcome.AlreadyDone).Select(s => s.Environment!)];

    /// <summary>The step outputs, in order: version, tag, released, image_tags (image:tag per line), release_url, deployed (space-separated).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Outputs() =>
    [
        new("version", Version),
        new("tag", Tag),
        new("released", Released ? "true" : "false"),
        new("image_tags", Image is null ? string.Empty : string.Join('\n', ImageTags.Select(t => $"{Image}:{t}"))),
        new("release_url", ReleaseUrl ?? string.Empty),
        new("deployed", string.Join(' ', Deployed)),
    ];

    /// <summary>The job summary: the version, each step's outcome, the image tags with the digest, the release link, the environments, the changelog.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        var failed = Steps.Any(s => s.Outcome == CiStepOutcome.Failed);
        text.Append("## ").Append(failed ? "Release of " : Released ? "Released " : "Already released: ").Append(MarkdownText.Inline(Tag))
            .Append(failed ? " failed" : string.Empty).Append("\n\n");
        text.Append("| Step | Outcome |\n|---|---|\n");
        foreach (var step in Steps)
        {
            text.Append("| ").Append(MarkdownText.Inline(step.Name)).Append(" | ").Append(Word(step.Outcome));
            if (step.Detail.Length > 0)
            {
                text.Append(": ").Append(MarkdownText.Inline(step.Detail));
            }

            text.Append(" |\n");
        }

        if (Image is not null)
        {
            text.Append("\n### Image\n\n");
            foreach (var tag in ImageTags)
            {
                text.Append("- ").Append(MarkdownText.Inline($"{Image}:{tag}")).Append('\n');
            }

            text.Append(ImageTags.Count == 0 ? string.Empty : "\n").Append("Digest: ").Append(ImageDigest is null ? "unknown" : MarkdownText.Inline(ImageDigest)).Append('\n');
        }

        if (ImageScan is not null)
        {
            text.Append('\n').Append(ImageScan.Markdown());
        }

        if (ReleaseUrl is not null)
        {
            text.Append("\n### GitHub release\n\n[").Append(MarkdownText.Inline(Tag)).Append("](").Append(LinkTarget(ReleaseUrl)).Append(")\n");
        }

        var environments = Steps.Where(s => s.Environment is not null).ToList();
        if (environments.Count > 0)
        {
            text.Append("\n### Environments\n\n");
            foreach (var step in environments)
            {
                text.Append("- ").Append(MarkdownText.Inline(step.Environment!)).Append(": ").Append(EnvironmentWord(step.Outcome)).Append('\n');
            }
        }

        if (!string.IsNullOrWhiteSpace(Changelog))
        {
            text.Append("\n### Changelog\n\n").Append(Nested(Changelog.Trim('\n'))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The changelog's own headings (## What's Changed, ### Features) two levels down, under the summary's ### Changelog.</summary>
    private static string Nested(string markdown) =>
        string.Join('\n', markdown.Split('\n').Select(line => line.StartsWith('#') && line.TrimStart('#').StartsWith(' ') && line.IndexOf(' ', StringComparison.Ordinal) <= 4
            ? "##" + line
            : line));

    private static string Word(CiStepOutcome outcome) => outcome switch
    {
        CiStepOutcome.AlreadyDone => "already done",
        CiStepOutcome.Ran => "done",
        CiStepOutcome.Passed => "passed",
        CiStepOutcome.Failed => "**failed**",
        _ => "not run",
    };

    private string EnvironmentWord(CiStepOutcome outcome) => outcome switch
    {
        CiStepOutcome.AlreadyDone => $"{MarkdownText.Inline(Version)} was already running",
        CiStepOutcome.Ran => $"deployed {MarkdownText.Inline(Version)}",
        CiStepOutcome.Failed => "**deployment failed**",
        _ => "not deployed (an earlier step failed)",
    };

    /// <summary>A URL inside (…): the characters that could end it or break the line are percent-encoded.</summary>
    private static string LinkTarget(string url) =>
        new(url.SelectMany(c => c is ' ' or '(' or ')' or '<' or '>' or '\\' || char.IsControl(c) ? $"%{(int)c:X2}" : c.ToString()).ToArray());
}
