namespace Slipway.Tests.Fixtures.GitHub;

/// <summary>An answer the GitHub double gives instead of the real one, for the next <see cref="Times"/> requests to an operation (null: any).</summary>
public sealed record Fault(string? OperationId, int Status, IReadOnlyDictionary<string, string> Headers, string Message, int Times);
