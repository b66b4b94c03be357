using System.Security.Cryptography;
using System.Text;

namespace Slipway.Cli.Output.Html;

/// <summary>
/// The page's only style sheet and script, inline, and the Content-Security-Policy that allows exactly them: the page loads
/// nothing from anywhere (no network, no CDN, no file beside it) and runs no other script.
/// </summary>
public static class DashboardStyle
{
    public const string Css = """
        :root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--card:#f6f8fa;--line:#d1d9e0;--accent:#0969da;
        --succeeded:#1a7f37;--failed:#cf222e;--rolled_back:#9a6700;--blocked:#59636e;--unknown:#8250df}
        @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--card:#151b23;--line:#3d444d;--accent:#4493f8;
        --succeeded:#3fb950;--failed:#f85149;--rolled_back:#d29922;--blocked:#9198a1;--unknown:#ab7df8}}
        *{box-sizing:border-box}
        html{background:var(--bg)}
        body{margin:0;background:var(--bg);color:var(--fg);overflow-wrap:anywhere;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
        main{max-width:72rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.25rem 0}
        h2{font-size:1.2rem;margin:2rem 0 .75rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
        h3{font-size:1rem;margin:1.5rem 0 .5rem}
        p{margin:.25rem 0}
        a{color:var(--accent)}
        .muted{color:var(--muted)}
        .notice{border-left:4px solid var(--accent);padding:.5rem .75rem;background:var(--card)}
        .grid{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
        .card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;min-width:0}
        .card h3{margin:0 0 .25rem}
        .figure{font-size:1.5rem;font-weight:600;margin:.1rem 0;overflow-wrap:anywhere}
        .path{font-size:1.05rem}
        .badge{display:inline-block;padding:0 .45rem;border-radius:1rem;font-size:.8rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
        .mark{display:inline-block;font-size:.75rem;color:var(--failed);white-space:nowrap}
        .o-succeeded{color:var(--succeeded)}.o-failed{color:var(--failed)}.o-rolled_back{color:var(--rolled_back)}
        .o-blocked{color:var(--blocked)}.o-unknown{color:var(--unknown)}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        td.why,.data{overflow-wrap:anywhere;unicode-bidi:isolate}
        td.why{min-width:12rem}
        svg{display:block;width:100%;height:auto}
        svg text{fill:var(--muted);font-size:10px}
        svg .bar{fill:var(--accent)}
        svg .axis{stroke:var(--line)}
        svg .o-succeeded{fill:var(--succeeded)}svg .o-failed{fill:var(--failed)}svg .o-rolled_back{fill:var(--rolled_back)}
        svg .o-blocked{fill:var(--blocked)}svg .o-unknown{fill:var(--unknown)}
        details{margin:.25rem 0}
        details>summary{cursor:pointer}
        details[open]>summary{margin-bottom:.25rem}
        ul.changes{margin:.25rem 0;padding-left:1.25rem}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
        .legend{display:flex;flex-wrap:wrap;gap:.5rem;margin:.25rem 0}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        """;

    /// <summary>Opens the version (a details element) a link points at, so that its changelog shows.</summary>
    public const string Script = """
        function openTarget(){var id=decodeURIComponent(location.hash.slice(1));var t=id&&document.getElementById(id);if(t&&t.tagName==='DETAILS'){t.open=true;}}
        addEventListener('hashchange',openTarget);openTarget();
        """;

    /// <summary>Nothing may load: no fetch, no image, no font, no frame; only the style and script above (by their hashes) apply.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Css)}'; script-src '{Hash(Script)}'; img-src 'none'; base-uri 'none'; form-action 'none'";

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
