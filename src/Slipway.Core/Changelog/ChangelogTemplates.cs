using Slipway.Core.Changelog.Templates;

namespace Slipway.Core.Changelog;

/// <summary>The built-in templates by name.</summary>
public static class ChangelogTemplates
{
    public static readonly IReadOnlyList<string> BuiltInNames = [SeedTemplate.TemplateName, KeepAChangelogTemplate.TemplateName, GitHubReleaseTemplate.TemplateName];

    /// <summary>The built-in template of that name, or null when the name is not built in (then it is a path to a Liquid file).</summary>
    public static IChangelogTemplate? BuiltIn(string name) => name switch
    {
        SeedTemplate.TemplateName => new SeedTemplate(),
        KeepAChangelogTemplate.TemplateName => new KeepAChangelogTemplate(),
        GitHubReleaseTemplate.TemplateName => new GitHubReleaseTemplate(),
        _ => null,
    };
}
