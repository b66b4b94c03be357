namespace Slipway.Core.Rollouts;

/// <summary>One chart value a rollout step sets: `--set KEY=VALUE`, or `--set-string` when <paramref name="Text"/> (digests: text whatever helm would guess).</summary>
public sealed record HelmValue(string Key, string Value, bool Text)
{
    public override string ToString() => $"{Key}={Value}";
}
