namespace Slipway.Core.Versioning;

/// <summary>
/// Finds the release line of HEAD from the repository's tags. Reachability is asked of the caller in
/// batches, highest version first, so that only the few tags above the answer are ever checked.
/// </summary>
public static class VersionDiscovery
{
    /// <summary>The version tags among <paramref name="tags"/> (name, commit), highest precedence first; other tags are ignored.</summary>
    public static IReadOnlyList<VersionTag> Candidates(IEnumerable<(string Name, string Commit)> tags, TagNaming naming)
    {
        var list = new List<VersionTag>(tags.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var (name, commit) in tags)
        {
            if (naming.TryParse(name, out var version))
            {
                list.Add(new VersionTag(name, version, commit));
            }
        }

        // Highest precedence first; between equal precedences (1.0.0 and 1.0.0+build) the name decides, so the order is stable.
        list.Sort((a, b) =>
        {
            var c = b.Version.CompareTo(a.Version);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });
        return list;
    }

    /// <summary>
    /// Walks <paramref name="candidates"/> (highest first) and asks <paramref name="reachable"/> about them
    /// in growing batches until both the highest reachable tag and the highest reachable stable tag are known.
    /// </summary>
    public static async Task<ReleaseLine> FindAsync(IReadOnlyList<VersionTag> candidates,
        Func<IReadOnlyList<VersionTag>, Task<IReadOnlySet<string>>> reachable)
    {
        VersionTag? latest = null;
        VersionTag? stable = null;
        var index = 0;
        var batch = 1;
        while (index < candidates.Count && stable is null)
        {
            var slice = new List<VersionTag>();
            var end = Math.Min(index + batch, candidates.Count);
            for (var i = index; i < end; i++)
            {
                // Below the latest found, only stable tags can still change the answer.
                if (latest is null || !candidates[i].Version.IsPrerelease)
                {
                    slice.Add(candidates[i]);
                }
            }

            index = end;
            batch = Math.Min(batch * 4, 256);
            if (slice.Count == 0)
            {
                continue;
            }

            var reachableCommits = await reachable(slice).ConfigureAwait(false);
            foreach (var tag in slice)
            {
                if (!reachableCommits.Contains(tag.Commit))
                {
                    continue;
                }

                latest ??= tag;
                if (!tag.Version.IsPrerelease)
                {
                    stable = tag;
                    break;
                }
            }
        }

        return new ReleaseLine(latest, stable);
    }
}
