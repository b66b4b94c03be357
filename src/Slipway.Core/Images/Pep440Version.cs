using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Core.Images;

/// <summary>A Python PEP 440 version (1.2.3, 1.1b2, 1.0.dev4, 1.2.post1, 1!2.0+local), normalized as PEP 440 prescribes.</summary>
public sealed partial class Pep440Version
{
    private Pep440Version(long epoch, IReadOnlyList<long> release, string? preLabel, long preNumber, long? post, long? dev, string? local)
    {
        Epoch = epoch;
        Release = release;
        PreLabel = preLabel;
        PreNumber = preNumber;
        Post = post;
        Dev = dev;
        Local = local;
    }

    public long Epoch { get; }

    public IReadOnlyList<long> Release { get; }

    /// <summary>a, b or rc; null for no pre-release.</summary>
    public string? PreLabel { get; }

    public long PreNumber { get; }

    public long? Post { get; }

    public long? Dev { get; }

    public string? Local { get; }

    public long Major => Release[0];

    public long Minor => Release.Count > 1 ? Release[1] : 0;

    public long Patch => Release.Count > 2 ? Release[2] : 0;

    /// <summary>Neither a pre-, post- nor dev-release.</summary>
    public bool IsFinal => PreLabel is null && Post is null && Dev is null;

    public static bool TryParse(string? text, [NotNullWhen(true)] out Pep440Version? version)
    {
        version = null;
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is null || !match.Success)
        {
            return false;
        }

        static long Number(Group g) => g.Success && long.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var release = match.Groups["release"].Value.Split('.').Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        if (release.Any(n => n < 0))
        {
            return false;
        }

        string? preLabel = match.Groups["pre_l"].Success
            ? match.Groups["pre_l"].Value.ToLowerInvariant() switch
            {
                "alpha" or "a" => "a",
                "beta" or "b" => "b",
                _ => "rc",
            }
            : null;
        long? post = match.Groups["post"].Success ? Number(match.Groups["post_n1"].Success ? match.Groups["post_n1"] : match.Groups["post_n2"]) : null;
        long? dev = match.Groups["dev"].Success ? Number(match.Groups["dev_n"]) : null;
        var local = match.Groups["local"].Success ? LocalSeparator().Replace(match.Groups["local"].Value.ToLowerInvariant(), ".") : null;
        version = new Pep440Version(Number(match.Groups["epoch"]), release, preLabel, Number(match.Groups["pre_n"]), post, dev, local);
        return true;
    }

    public override string ToString()
    {
        var ic = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        if (Epoch != 0)
        {
            text.Append(Epoch.ToString(ic)).Append('!');
        }

        text.AppendJoin('.', Release.Select(n => n.ToString(ic)));
        if (PreLabel is not null)
        {
            text.Append(PreLabel).Append(PreNumber.ToString(ic));
        }

        if (Post is { } post)
        {
            text.Append(".post").Append(post.ToString(ic));
        }

        if (Dev is { } dev)
        {
            text.Append(".dev").Append(dev.ToString(ic));
        }

        if (Local is not null)
        {
            text.Append('+').Append(Local);
        }

        return text.ToString();
    }

    // The regular expression of PEP 440's appendix B (packaging's VERSION_PATTERN).
    [GeneratedRegex("""
        ^v?
        (?:(?<epoch>[0-9]+)!)?
        (?<release>[0-9]+(?:\.[0-9]+)*)
        (?<pre>[-_\.]?(?<pre_l>alpha|beta|preview|pre|a|b|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?
        (?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?
        (?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?
        (?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?
        $
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex("[-_]")]
    private static partial Regex LocalSeparator();
}
