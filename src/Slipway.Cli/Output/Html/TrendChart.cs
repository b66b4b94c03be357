using System.Globalization;
using System.Text;

namespace Slipway.Cli.Output.Html;

/// <summary>Small SVG bar charts drawn by Slipway (no charting library, no script), each with its values as text for screen readers.</summary>
public static class TrendChart
{
    private const int Width = 320;
    private const int Height = 90;
    private const int Bottom = 72;
    private const int Top = 8;

    /// <summary>One bar per point (none where the value is missing), labelled with the first and last point's dates.</summary>
    /// <param name="points">Label (a date) and value of each point, oldest first; null where the part had nothing to measure.</param>
    /// <param name="format">How a value reads (for the text alternative and the bars' titles).</param>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, double? Value)> points, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(format);
        var description = string.Join("; ", points.Select(p => $"{p.Label}: {(p.Value is { } v ? format(v) : "none")}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{id}-t {id}-d" class="chart">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-t">{HtmlText.Encode(title)}</title><desc id="{id}-d">{HtmlText.Encode(description)}</desc>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="axis" x1="0" y1="{Bottom}" x2="{Width}" y2="{Bottom}"/>""");
        var max = points.Max(p => p.Value ?? 0);
        var slot = (double)Width / Math.Max(points.Count, 1);
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is not { } value)
            {
                continue;
            }

            var height = max <= 0 ? 0 : Math.Max(value / max * (Bottom - Top), value > 0 ? 2 : 0);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect class="bar" x="{(i * slot) + (slot * 0.15):0.##}" y="{Bottom - height:0.##}" width="{slot * 0.7:0.##}" height="{height:0.##}"><title>{HtmlText.Encode($"{points[i].Label}: {format(value)}")}</title></rect>""");
        }

        if (points.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{Height - 4}">{HtmlText.Encode(points[0].Label)}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width}" y="{Height - 4}" text-anchor="end">{HtmlText.Encode(points[^1].Label)}</text>""");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// An environment's attempts over the window: a column per day (per few days for a long window), stacked by outcome in
    /// the order given, with the counts as text.
    /// </summary>
    public static string Strip(string id, string title, IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, int> Outcomes)> days, IReadOnlyList<string> outcomes)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(outcomes);
        const int MaxColumns = 120;
        var perColumn = Math.Max(1, (int)Math.Ceiling(days.Count / (double)MaxColumns));
        var columns = days.Chunk(perColumn).Select(c => (From: c[0].Day, Counts: outcomes.ToDictionary(o => o, o => c.Sum(d => d.Outcomes.GetValueOrDefault(o)), StringComparer.Ordinal))).ToList();
        var totals = outcomes.ToDictionary(o => o, o => columns.Sum(c => c.Counts[o]), StringComparer.Ordinal);
        var description = totals.Values.Sum() == 0
            ? "no attempt in the window"
            : string.Join(", ", outcomes.Where(o => totals[o] > 0).Select(o => $"{totals[o]} {o.Replace('_', ' ')}"));
        var svg = new StringBuilder();
        const int StripHeight = 56;
        const int Base = 40;
        svg.Append(CultureInfo.InvariantCulture, $"""<svg viewBox="0 0 {Width * 2} {StripHeight}" role="img" aria-labelledby="{id}-t {id}-d" class="strip">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-t">{HtmlText.Encode(title)}</title><desc id="{id}-d">{HtmlText.Encode(description)}</desc>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="axis" x1="0" y1="{Base}" x2="{Width * 2}" y2="{Base}"/>""");
        var max = columns.Count == 0 ? 0 : columns.Max(c => c.Counts.Values.Sum());
        var slot = Width * 2.0 / Math.Max(columns.Count, 1);
        for (var i = 0; i < columns.Count; i++)
        {
            var y = (double)Base;
            foreach (var outcome in outcomes)
            {
                var count = columns[i].Counts[outcome];
                if (count == 0)
                {
                    continue;
                }

                var height = Math.Max(count / (double)max * (Base - 2), 3);
                y -= height;
                var label = $"{columns[i].From:yyyy-MM-dd}{(perColumn > 1 ? $" (+{perColumn - 1} days)" : string.Empty)}: {count} {outcome.Replace('_', ' ')}";
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<rect class="o-{outcome}" x="{i * slot:0.##}" y="{y:0.##}" width="{Math.Max(slot - 1, 1):0.##}" height="{height:0.##}"><title>{HtmlText.Encode(label)}</title></rect>""");
            }
        }

        if (days.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{StripHeight - 3}">{days[0].Day:yyyy-MM-dd}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width * 2}" y="{StripHeight - 3}" text-anchor="end">{days[^1].Day:yyyy-MM-dd}</text>""");
        }

        return svg.Append("</svg>").ToString();
    }
}
