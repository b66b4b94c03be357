using Slipway.Core.Errors;

namespace Slipway.Core.Gates;

/// <summary>A gate the user chose not to run for this release (`--skip-gate NAME --reason TEXT`); the tag message records it.</summary>
public sealed record GateSkip(string Gate, string Reason)
{
    private const string TagLinePrefix = "Skipped gate ";

    /// <summary>The line the annotated tag's message carries for it.</summary>
    public string TagLine => $"{TagLinePrefix}{Gate}: {Reason}";

    /// <summary>The skips a release's tag message records (its <see cref="TagLine"/>s), for a run that finds the tag made already.</summary>
    public static IReadOnlyList<GateSkip> FromTagMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. message.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith(TagLinePrefix, StringComparison.Ordinal) && l.IndexOf(": ", TagLinePrefix.Length, StringComparison.Ordinal) > TagLinePrefix.Length)
            .Select(l => (Line: l, Colon: l.IndexOf(": ", TagLinePrefix.Length, StringComparison.Ordinal)))
            .Select(l => new GateSkip(l.Line[TagLinePrefix.Length..l.Colon], l.Line[(l.Colon + 2)..]))];
    }

    /// <summary>
    /// The ledger's record of a release made with gates skipped: who, when, which tag and commit, and each gate with its reason.
    /// It belongs to no environment (<see cref="Deployments.DeploymentAction.Release"/>).
    /// </summary>
    public static Deployments.DeploymentRecord Record(string id, string tag, Versioning.SemanticVersion version, string? commit, IReadOnlyList<GateSkip> skips, DateTimeOffset at, string actor)
    {
        ArgumentNullException.ThrowIfNull(skips);
        return new Deployments.DeploymentRecord
        {
            Id = id,
            Environment = string.Empty,
            Version = version,
            Action = Deployments.DeploymentAction.Release,
            Outcome = Deployments.DeploymentOutcome.Succeeded,
            At = at,
            Actor = actor,
            Commit = commit,
            Reason = string.Join("; ", skips.Select(s => s.Reason)),
            Detail = $"{tag} released with {string.Join(", ", skips.Select(s => $"gate {s.Gate} skipped ({s.Reason})"))}",
        };
    }

    /// <summary>Whether the ledger's release records hold <see cref="Record"/>'s for this release: its version on its commit, and its tag
    /// first in the detail (a monorepo's release commit carries several tags, which may share a version).</summary>
    public static bool Recorded(IEnumerable<Deployments.DeploymentRecord> releases, string tag, Versioning.SemanticVersion version, string commit)
    {
        ArgumentNullException.ThrowIfNull(releases);
        return releases.Any(r => r.Version == version && r.Commit == commit && r.Detail is { } detail && detail.StartsWith($"{tag} released with ", StringComparison.Ordinal));
    }

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
