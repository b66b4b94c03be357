namespace Slipway.Core.Commits.Dialects;

/// <summary>One release tool's way of reading a range of commits (newest first) into the facts its bump rules use.</summary>
public interface ICommitReader
{
    IReadOnlyList<CommitReading> Read(IReadOnlyList<Commit> commits);
}
