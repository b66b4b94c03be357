namespace Slipway.Adapters.Http;

/// <summary>RFC 8288 Link headers as GitHub and registries page with them: the rel="next" target.</summary>
public static class LinkHeader
{
    /// <summary>The Link header's rel="next" target, resolved against the page it came with; null on the last page (or another host).</summary>
    public static Uri? Next(HttpResponseMessage response, Uri current)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in links.SelectMany(l => l.Split(',')))
        {
            var open = link.IndexOf('<', StringComparison.Ordinal);
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (open >= 0 && close > open && link[close..].Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(current, link[(open + 1)..close], out var target)
                && target.Authority == current.Authority)
            {
                return target;
            }
        }

        return null;
    }
}
