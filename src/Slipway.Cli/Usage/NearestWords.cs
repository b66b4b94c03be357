namespace Slipway.Cli.Usage;

/// <summary>The words a mistyped one was probably meant to be (git's "did you mean"): a few edits away, or begun by it.</summary>
public static class NearestWords
{
    /// <summary>The candidates nearest to <paramref name="typed"/>, best first (at most three), or none when nothing is near.</summary>
    /// <remarks>
    /// Near: at most one edit (insert, delete, replace, swap two neighbours) per three characters typed, at least one; or a
    /// candidate that starts with what was typed. A single letter finds nothing. Only the closest are kept: `relase` gives `release`,
    /// not also `rollback`.
    /// </remarks>
    public static IReadOnlyList<string> Find(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        if (typed.TrimStart('-').Length < 2)
        {
            // One letter (`-x`, `q`) is as near to every short word as to any: no guess is better than a wrong one.
            return [];
        }

        var limit = Math.Max(1, typed.Length / 3);
        var near = new List<(string Word, int Distance)>();
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= limit)
            {
                near.Add((candidate, distance));
            }
            else if (candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            {
                near.Add((candidate, limit + 1));
            }
        }

        if (near.Count == 0)
        {
            return [];
        }

        var best = near.Min(n => n.Distance);
        return [.. near.Where(n => n.Distance == best).Select(n => n.Word).Order(StringComparer.Ordinal).Take(3)];
    }

    /// <summary>Edits from one word to the other, a swap of two neighbouring characters counting as one (optimal string alignment).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1][];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i] = new int[b.Length + 1];
            d[i][0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.Min(Math.Min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i][j] = Math.Min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }

        return d[a.Length][b.Length];
    }
}
