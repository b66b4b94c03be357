namespace Slipway.Core.Deployments;

/// <summary>
/// The order versions travel in, from `requires.promoted_from`: chains such as staging → production, longest first. An
/// environment no other is promoted from ends a chain; the end of the longest chain (the one listed last in slipway.yml
/// on a tie) is where `metrics` looks by default.
/// </summary>
public sealed class PromotionPath
{
    private PromotionPath(IReadOnlyList<IReadOnlyList<string>> chains) => Chains = chains;

    /// <summary>Every chain, longest first (then in slipway.yml's order of their last environment, last first); each environment is in one chain.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Chains { get; }

    /// <summary>The last environment of the longest chain, or null when there is none.</summary>
    public string? Last => Chains.Count == 0 ? null : Chains[0][^1];

    /// <param name="configured">slipway.yml's environments, in its order.</param>
    /// <param name="others">Environments only the ledger knows (removed from slipway.yml since): each a chain of its own, after the configured ones.</param>
    public static PromotionPath Of(IReadOnlyList<DeploymentEnvironment> configured, IReadOnlyList<string> others)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(others);
        var names = configured.Select(e => e.Name).ToList();
        var source = configured.Where(e => e.Requires.PromotedFrom is { } from && from != e.Name && names.Contains(from))
            .ToDictionary(e => e.Name, e => e.Requires.PromotedFrom!, StringComparer.Ordinal);
        var isSource = source.Values.ToHashSet(StringComparer.Ordinal);
        var ends = names.Where(n => !isSource.Contains(n)).ToList();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var chains = new List<(List<string> Chain, int Order)>();
        foreach (var end in ends)
        {
            var chain = new List<string> { end };
            var at = end;
            // A cycle (a ← b ← a) cannot be written in slipway.yml's order of checks, but must not loop here either.
            while (source.TryGetValue(at, out var from) && !chain.Contains(from) && !placed.Contains(from))
            {
                chain.Insert(0, from);
                at = from;
            }

            placed.UnionWith(chain);
            chains.Add((chain, names.IndexOf(end)));
        }

        // What is left sat on a cycle: each alone, so that nothing is hidden.
        chains.AddRange(names.Where(n => !placed.Contains(n)).Select(n => (new List<string> { n }, names.IndexOf(n))));
        var ordered = chains.OrderByDescending(c => c.Chain.Count).ThenByDescending(c => c.Order).Select(c => (IReadOnlyList<string>)c.Chain).ToList();
        ordered.AddRange(others.Where(o => !names.Contains(o)).Distinct(StringComparer.Ordinal).Select(o => (IReadOnlyList<string>)[o]));
        return new PromotionPath(ordered);
    }
}
