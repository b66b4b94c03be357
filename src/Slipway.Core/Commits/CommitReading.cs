using Slipway.Core.Versioning;

namespace Slipway.Core.Commits;

/// <summary>What one release tool read from a commit: the facts its bump rules look at.</summary>
/// <param name="Source">The commit this reading came from (one commit may give several readings, e.g. release-please's nested commits).</param>
/// <param name="Type">The type as the tool parsed it (case preserved), or null when the tool found no type.</param>
/// <param name="IsBreaking">The tool saw a breaking change ('!' or a breaking-change note, by its own rules).</param>
/// <param name="IsRevert">The tool recognised a revert by its revert pattern (commit-analyzer); release-please uses the type instead.</param>
/// <param name="ReleaseAs">A version forced by a Release-As footer (release-please), or null.</param>
/// <param name="IsListedAsBreaking">
/// The tool's changelog lists it under breaking changes although its version rules do not count it as breaking
/// (release-please: a '!' header whose breaking-change footer is empty), so it releases at least a patch.
/// </param>
/// <param name="IsCancelled">A revert and the commit it reverts, both in the range: the tool leaves both out (commit-analyzer).</param>
/// <param name="IsFooter">
/// Read from a footer of the message, not its header (release-please parses every footer as a commit): a trailer such as
/// `Signed-off-by: …` then has a "type" that is no commit type.
/// </param>
public sealed record CommitReading(Commit Source, string? Type, bool IsBreaking, bool IsRevert = false, SemanticVersion? ReleaseAs = null,
    bool IsListedAsBreaking = false, bool IsCancelled = false, bool IsFooter = false);
