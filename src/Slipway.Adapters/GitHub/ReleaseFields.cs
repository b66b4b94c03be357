namespace Slipway.Adapters.GitHub;

/// <summary>The body of create-release and update-release. make_latest is a string ("true", "false", "legacy") in GitHub's API, not a boolean.</summary>
public sealed record ReleaseFields(string TagName, string Name, string Body, bool Draft, bool Prerelease, string MakeLatest)
{
    public static string Latest(bool latest) => latest ? "true" : "false";
}
