using System.Globalization;

namespace Slipway.Core.Rollouts;

/// <summary>A comparison a query's value must meet to pass, written like `&lt; 0.01`, `&lt;= 5` or `&gt; 0.9`.</summary>
public sealed record Threshold(string Operator, double Limit)
{
    private static readonly string[] Operators = ["<=", ">=", "<", ">"];

    /// <summary>The threshold, or null when the text is not an operator (&lt;, &lt;=, &gt;, &gt;=) and a number.</summary>
    public static Threshold? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var op = Operators.FirstOrDefault(o => trimmed.StartsWith(o, StringComparison.Ordinal));
        if (op is null)
        {
            return null;
        }

        return double.TryParse(trimmed[op.Length..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) && double.IsFinite(limit)
            ? new Threshold(op, limit)
            : null;
    }

    /// <summary>True when the value meets the threshold; NaN (a ratio over no traffic) never does.</summary>
    public bool Passes(double value) => Operator switch
    {
        "<" => value < Limit,
        "<=" => value <= Limit,
        ">" => value > Limit,
        _ => value >= Limit,
    };

    public override string ToString() => $"{Operator} {Limit.ToString(CultureInfo.InvariantCulture)}";
}
