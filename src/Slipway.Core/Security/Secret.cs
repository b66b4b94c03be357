namespace Slipway.Core.Security;

/// <summary>A password or token: prints as *** everywhere (ToString, interpolation, logs); only <see cref="Reveal"/> gives the value.</summary>
public sealed class Secret
{
    private readonly string _value;

    public Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    public bool IsEmpty => _value.Length == 0;

    /// <summary>The value itself, for the one place that must send it (an Authorization header).</summary>
    public string Reveal() => _value;

    public override string ToString() => "***";
}
