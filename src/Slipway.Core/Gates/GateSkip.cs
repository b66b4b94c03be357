using Slipway.Core.Errors;

namespace Slipway.Core.Gates;

/// <summary>A gate the user chose not to run for this release (`--skip-gate NAME --reason TEXT`); the tag message records it.</summary>
public sealed record GateSkip(string Gate, string Reason)
{
    /// <summary>The line the annotated tag's message carries for it.</summary>
    public string TagLine => $"Skipped gate {Gate}: {Reason}";

    /// <summary>Pairs each --skip-gate with its --reason, in order; a missing or empty reason, or a name not in `release.gates`, is a usage error.</summary>
    public static IReadOnlyList<GateSkip> Pair(IReadOnlyList<string> names, IReadOnlyList<string> reasons, IReadOnlyList<ReleaseGate> configured)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(configured);
        if (names.Count == 0 && reasons.Count > 0)
        {
            throw new SlipwayException(SlipwayError.Usage("--reason without --skip-gate", "give the gate it explains: --skip-gate NAME --reason TEXT"));
        }

        var skips = new List<GateSkip>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (configured.All(g => g.Name != name))
            {
                throw new SlipwayException(SlipwayError.Usage($"--skip-gate '{name}' is not a gate in release.gates",
                    configured.Count == 0 ? "release.gates in slipway.yml lists no gates" : $"use one of: {string.Join(", ", configured.Select(g => g.Name))}"));
            }

            var reason = i < reasons.Count ? reasons[i].Trim() : string.Empty;
            if (reason.Length == 0 || reason.Any(char.IsControl))
            {
                throw new SlipwayException(SlipwayError.Usage($"--skip-gate {name} needs a reason",
                    $"add --reason TEXT after it (one line; the tag message records it): --skip-gate {name} --reason \"why\""));
            }

            if (skips.Any(s => s.Gate == name))
            {
                throw new SlipwayException(SlipwayError.Usage($"--skip-gate {name} is given twice", "skip each gate once, with one reason"));
            }

            skips.Add(new GateSkip(name, reason));
        }

        if (reasons.Count > names.Count)
        {
            throw new SlipwayException(SlipwayError.Usage($"{reasons.Count} --reason for {names.Count} --skip-gate", "give one --reason after each --skip-gate"));
        }

        return skips;
    }
}
