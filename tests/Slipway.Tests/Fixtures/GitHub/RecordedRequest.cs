namespace Slipway.Tests.Fixtures.GitHub;

/// <summary>A request the GitHub double received: which operation, and its JSON body when it had one.</summary>
public sealed record RecordedRequest(string Method, string Path, string? OperationId, string? Body, bool OnUploadsHost, string? Authorization);
