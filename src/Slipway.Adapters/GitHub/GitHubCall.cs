namespace Slipway.Adapters.GitHub;

/// <summary>What a request is for, in words, so that a failure can say what could not be done and which permission that needs.</summary>
/// <param name="What">e.g. "create release v1.3.0 in owner/repo".</param>
/// <param name="Permission">The token permission the request needs, e.g. "contents: write".</param>
/// <param name="NotFoundIsAnswer">404 is an answer (no such release), not an error.</param>
public sealed record GitHubCall(string What, string Permission, bool NotFoundIsAnswer = false);
