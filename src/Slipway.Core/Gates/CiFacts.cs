namespace Slipway.Core.Gates;

/// <summary>A GitHub check run on a commit: its name, status (queued, in_progress, completed…) and conclusion once completed.</summary>
public sealed record CheckRunFact(string Name, string Status, string? Conclusion);

/// <summary>A commit status on GitHub (the older statuses API): its context and state (error, failure, pending, success).</summary>
public sealed record CommitStatusFact(string Context, string State);
