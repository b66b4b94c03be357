using Slipway.Core.Versioning;

namespace Slipway.Core.Packages;

/// <summary>
/// Every package's release line from one walk of HEAD's history, newest first: a package's line is known as soon as the
/// walk meets its highest tag (and its highest stable tag), since a tag the walk meets is reachable. A package whose first
/// tag met is not its highest (a higher one on another branch) is left to the exact search (<see cref="Undecided"/>).
/// </summary>
public sealed class PackageLines
{
    private readonly Dictionary<string, List<(string Package, VersionTag Tag)>> byCommit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, State> states = new(StringComparer.Ordinal);

    /// <param name="candidates">Per package its version tags, highest first, without those on HEAD.</param>
    public PackageLines(IReadOnlyDictionary<string, IReadOnlyList<VersionTag>> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var (package, tags) in candidates)
        {
            var state = states[package] = new State(tags.Count > 0 ? tags[0] : null, tags.FirstOrDefault(t => !t.Version.IsPrerelease));
            foreach (var tag in tags)
            {
                if (!byCommit.TryGetValue(tag.Commit, out var list))
                {
                    byCommit[tag.Commit] = list = [];
                }

                list.Add((package, tag));
            }

            Pending += state.Done ? 0 : 1;
        }
    }

    /// <summary>Packages whose line the walk has not settled yet; the walk can stop at 0.</summary>
    public int Pending { get; private set; }

    /// <summary>The walk met this commit (reachable from HEAD).</summary>
    public void Visit(string commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (!byCommit.TryGetValue(commit, out var tags))
        {
            return;
        }

        foreach (var (package, tag) in tags)
        {
            var state = states[package];
            if (state.Done)
            {
                continue;
            }

            if (state.Latest is null)
            {
                state.Latest = tag;
                state.Undecided |= tag.Version.CompareTo(state.HighestAll!.Version) != 0;
            }

            if (!tag.Version.IsPrerelease && state.Stable is null)
            {
                state.Stable = tag;
                state.Undecided |= tag.Version.CompareTo(state.HighestStable!.Version) != 0;
            }

            if (state.Done)
            {
                Pending--;
            }
        }
    }

    /// <summary>Packages the walk could not settle: their line needs the exact search.</summary>
    public IEnumerable<string> Undecided => states.Where(s => s.Value.Undecided).Select(s => s.Key);

    /// <summary>The package's line once the walk has ended (met everything, or the whole history); null when undecided.</summary>
    public ReleaseLine? Line(string package, bool wholeHistory)
    {
        var state = states[package];
        return state.Undecided || (!state.Done && !wholeHistory) ? null : new ReleaseLine(state.Latest, state.Stable);
    }

    private sealed class State(VersionTag? highestAll, VersionTag? highestStable)
    {
        public VersionTag? HighestAll { get; } = highestAll;

        public VersionTag? HighestStable { get; } = highestStable;

        public VersionTag? Latest { get; set; }

        public VersionTag? Stable { get; set; }

        public bool Undecided { get; set; }

        /// <summary>Both the highest tag and the highest stable tag met (or there is none to meet), or the walk cannot settle it.</summary>
        public bool Done => Undecided || ((HighestAll is null || Latest is not null) && (HighestStable is null || Stable is not null));
    }
}
