namespace Slipway.Core.Metrics;

/// <summary>The span the delivery metrics cover: from <see cref="Start"/> (included) to <see cref="End"/> (excluded).</summary>
public sealed record MetricsWindow
{
    public MetricsWindow(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"the window must end after it starts ({start:O} .. {end:O})", nameof(end));
        }

        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Length => End - Start;

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>
    /// The window cut into equal parts for a trend: about one a week (at least 2, at most 26), oldest first, the last one
    /// ending at <see cref="End"/>.
    /// </summary>
    public IReadOnlyList<MetricsWindow> Buckets()
    {
        var count = (int)Math.Clamp(Math.Round(Length.TotalDays / 7), 2, 26);
        var size = Length / count;
        return [.. Enumerable.Range(0, count).Select(i => new MetricsWindow(Start + (size * i), i == count - 1 ? End : Start + (size * (i + 1))))];
    }
}
