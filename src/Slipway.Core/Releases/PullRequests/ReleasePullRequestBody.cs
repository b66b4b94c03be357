using System.Text;
using System.Text.RegularExpressions;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases.PullRequests;

/// <summary>The release pull request's body: a section between two HTML comments that Slipway owns and rewrites, and around
/// it whatever a maintainer wrote, kept as it is. Commands to Slipway (`/slipway bump minor`) are read only from outside the section,
/// so no commit message quoted in the changelog can give one.</summary>
public static partial class ReleasePullRequestBody
{
    public const string EndMarker = "<!-- slipway:release-pr:end -->";
    private const string BeginMarker = "<!-- slipway:release-pr:begin";

    /// <summary>The section Slipway owns, for this proposal; <paramref name="withdrawn"/> marks a pull request Slipway closed itself.</summary>
    public static string Section(ReleaseProposal proposal, bool withdrawn = false)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var text = new StringBuilder();
        text.Append(BeginMarker).Append(" base=").Append(proposal.Base).Append(withdrawn ? " withdrawn" : string.Empty).Append(" -->\n");
        text.Append("## ").Append(proposal.Tag).Append("\n\n");
        text.Append(withdrawn
            ? "Slipway closed this pull request: there is nothing to release any more.\n\n"
            : $"Merging this pull request releases {proposal.Tag}: `slipway ci release` tags the merged commit, publishes and deploys it. "
              + (proposal.PackagesByName
                  ? "Slipway updates it on every push; write `/slipway bump minor` (or `patch`, `major`) on a line of its own outside this section to change "
                    + "every package's bump, or `/slipway bump minor NAME` for one package's.\n\n"
                  : "Slipway updates it on every push; write `/slipway bump minor` (or `patch`, `major`) on a line of its own outside this section to change the bump.\n\n"));
        var changelog = Neutralised(proposal.Changelog).Trim('\n');
        if (changelog.Length > 0)
        {
            text.Append(changelog).Append("\n\n");
        }

        return text.Append(EndMarker).ToString();
    }

    /// <summary>The body with its section replaced by <paramref name="section"/>; a body without one (new, or the markers deleted by hand) gets it first.</summary>
    public static string Merge(string? existing, string section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (string.IsNullOrEmpty(existing))
        {
            return section + "\n";
        }

        return Bounds(existing) is var (start, end)
            ? existing[..start] + section + existing[end..]
            : section + "\n\n" + existing;
    }

    /// <summary>The commit the proposal was built on and whether Slipway withdrew it, from the section's opening marker; null when there is no section.</summary>
    public static (string Base, bool Withdrawn)? Marker(string? body)
    {
        if (body is null || Bounds(body) is not var (start, _))
        {
            return null;
        }

        var match = MarkerPattern().Match(body, start);
        return match.Success ? (match.Groups["base"].Value, match.Groups["withdrawn"].Success) : null;
    }

    /// <summary>The bump a maintainer asked for with `/slipway bump KIND` outside the section (the last such line wins), or null.
    /// A line naming a package (`/slipway bump minor core`) is a monorepo's: <see cref="PackageBumps"/>.</summary>
    public static BumpKind? BumpOverride(string? body) => Commands(body).Where(c => c.Package is null).Select(c => (BumpKind?)c.Kind).LastOrDefault();

    /// <summary>The bump each package of a monorepo's pull request gets from `/slipway bump KIND [PACKAGE]` lines outside the section,
    /// read in order, a later line winning for the packages it covers: without a package a line covers every package in
    /// <paramref name="inPullRequest"/>; with one, that package when it is one of <paramref name="packages"/> (it may be one with nothing
    /// to release: the line forces its release). A name that is no package here is left alone.</summary>
    public static IReadOnlyDictionary<string, BumpKind> PackageBumps(string? body, IReadOnlyCollection<string> inPullRequest, IReadOnlyCollection<string> packages)
    {
        ArgumentNullException.ThrowIfNull(inPullRequest);
        ArgumentNullException.ThrowIfNull(packages);
        var bumps = new Dictionary<string, BumpKind>(StringComparer.Ordinal);
        foreach (var (kind, package) in Commands(body))
        {
            if (package is null)
            {
                foreach (var name in inPullRequest)
                {
                    bumps[name] = kind;
                }
            }
            else if (packages.Contains(package, StringComparer.Ordinal))
            {
                bumps[package] = kind;
            }
        }

        return bumps;
    }

    /// <summary>Every `/slipway bump KIND [PACKAGE]` line outside the section, in order.</summary>
    private static List<(BumpKind Kind, string? Package)> Commands(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        var outside = Bounds(body) is var (start, end) ? body[..start] + "\n" + body[end..] : body;
        var commands = new List<(BumpKind, string?)>();
        foreach (Match match in BumpCommand().Matches(outside.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var kind = match.Groups["kind"].Value.ToLowerInvariant() switch
            {
                "major" => BumpKind.Major,
                "minor" => BumpKind.Minor,
                _ => BumpKind.Patch,
            };
            commands.Add((kind, match.Groups["package"].Success ? match.Groups["package"].Value : null));
        }

        return commands;
    }

    /// <summary>No HTML from a commit message reaches the page: &lt; and &gt; are written as entities (which also keeps a quoted
    /// marker from ending the section early). The changelog's own Markdown (headings, lists, links) is left as `plan` renders it.</summary>
    public static string Neutralised(string changelog)
    {
        ArgumentNullException.ThrowIfNull(changelog);
        return changelog.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    private static (int Start, int End)? Bounds(string body)
    {
        var start = body.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : body.IndexOf(EndMarker, start, StringComparison.Ordinal);
        return end < 0 ? null : (start, end + EndMarker.Length);
    }

    [GeneratedRegex(@"\G<!-- slipway:release-pr:begin base=(?<base>[0-9a-f]*)(?<withdrawn> withdrawn)? -->")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^[ \t]*/slipway[ \t]+bump[ \t]+(?<kind>major|minor|patch)(?:[ \t]+(?<package>\S+))?[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BumpCommand();
}
