using Slipway.Core.Errors;
using Slipway.Core.Security;

namespace Slipway.Adapters.GitHub;

/// <summary>Where the GitHub API is and the token to call it with, as the environment gives them (GitHub Actions sets both).</summary>
public sealed record GitHubConnection(Uri ApiUrl, Secret Token)
{
    public static readonly Uri PublicApi = new("https://api.github.com/");

    /// <summary>Reads GITHUB_TOKEN (else GH_TOKEN) and GITHUB_API_URL (GitHub Enterprise; default api.github.com).</summary>
    /// <param name="permission">What the token needs, named in the error when there is none (e.g. "contents: write").</param>
    public static GitHubConnection FromEnvironment(Func<string, string?> environment, string permission)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var token = NonEmpty(environment("GITHUB_TOKEN")) ?? NonEmpty(environment("GH_TOKEN"))
            ?? throw new SlipwayException(SlipwayError.Usage(
                "no GitHub token: GITHUB_TOKEN and GH_TOKEN are not set",
                $"export GITHUB_TOKEN with a token that has {permission} (in GitHub Actions: env: GITHUB_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}})"));
        return new GitHubConnection(ApiUrlFrom(NonEmpty(environment("GITHUB_API_URL"))), new Secret(token.Trim()));
    }

    private static Uri ApiUrlFrom(string? text)
    {
        if (text is null)
        {
            return PublicApi;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Query.Length > 0)
        {
            throw new SlipwayException(SlipwayError.Usage(
                $"GITHUB_API_URL '{text}' is not an http(s) URL", "set it to the API root, e.g. https://github.example.com/api/v3, or unset it for github.com"));
        }

        // A trailing slash makes relative paths append to the API root (…/api/v3/repos/…) instead of replacing its last segment.
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
