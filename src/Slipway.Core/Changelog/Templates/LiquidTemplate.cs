using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Slipway.Core.Errors;

namespace Slipway.Core.Changelog.Templates;

/// <summary>A user's Liquid template (rendered with Fluid). Errors name the file, the line and the bad expression (exit 2).</summary>
public sealed partial class LiquidTemplate : IChangelogTemplate
{
    private static readonly FluidParser Parser = new();

    private readonly IFluidTemplate _template;
    private readonly string _source;

    private LiquidTemplate(string file, string source, IFluidTemplate template)
    {
        Name = file;
        _source = source;
        _template = template;
    }

    public string Name { get; }

    /// <summary>Parses the template; a syntax error becomes "file:line: ..." with the line's text.</summary>
    public static LiquidTemplate Parse(string source, string file)
    {
        if (Parser.TryParse(source, out var template, out var error))
        {
            return new LiquidTemplate(file, source, template);
        }

        var position = Position().Match(error ?? string.Empty);
        var line = position.Success ? int.Parse(position.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 1;
        throw Error(file, line, $"{TrimPosition(error)} in `{LineText(source, line)}`");
    }

    public string Render(ChangelogDocument document) => Render(document, new Dictionary<string, string?>());

    /// <summary>Renders with more top-level variables beside releases, release and remote (release notes add version, tag, docker_pull, helm_upgrade); a null value is nil.</summary>
    public string Render(ChangelogDocument document, IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(variables);
        var context = NewContext();
        var releases = document.Releases.Select(r => LiquidModel.Release(r, document.Remote)).ToArray();
        context.SetValue("releases", new Fluid.Values.ArrayValue(releases));
        context.SetValue("release", releases.Length > 0 ? releases[0] : Fluid.Values.NilValue.Instance);
        context.SetValue("remote", LiquidModel.Remote(document.Remote));
        return Render(context, variables);
    }

    /// <summary>Renders with only these top-level variables (a notification's fields); a null value is nil.</summary>
    public string Render(IReadOnlyDictionary<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Render(NewContext(), variables);
    }

    private static TemplateContext NewContext()
    {
        var options = new TemplateOptions
        {
            StrictFilters = true,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
        // `json` serialises through reflection, which Native AOT cannot do: it is an unknown filter here (exit 2), never a crash.
        options.Filters.Remove("json");
        // Only names that are not in the model at all are errors (a typo); a member whose value is nil is just empty.
        options.Undefined = name => throw new InvalidOperationException($"undefined variable '{name}'");
        return new TemplateContext(options, StringComparer.Ordinal);
    }

    private string Render(TemplateContext context, IReadOnlyDictionary<string, string?> variables)
    {
        foreach (var (name, value) in variables)
        {
            context.SetValue(name, value is null ? Fluid.Values.NilValue.Instance : new Fluid.Values.StringValue(value));
        }

        try
        {
            return _template.Render(context, NullEncoder.Default);
        }
        catch (Exception e) when (e is InvalidOperationException or FluidException or ArgumentException or FormatException)
        {
            var (line, expression) = Locate(e.Message);
            throw Error(Name, line, $"{SlipwayError.Flatten(e.Message).TrimEnd('.')} in `{expression}`");
        }
    }

    private static SlipwayException Error(string file, int line, string problem) =>
        new(SlipwayError.Usage($"{file}:{line}: template error: {problem}", $"fix the template {file} (Liquid syntax, see the README's changelog section)"));

    // Fluid does not say where a render error happened; the quoted name ('x') is looked for in the template's tags.
    private (int Line, string Expression) Locate(string message)
    {
        var quoted = Quoted().Match(message);
        var lines = _source.Split('\n');
        if (quoted.Success)
        {
            var name = quoted.Groups[1].Value;
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match tag in Tag().Matches(lines[i]))
                {
                    if (tag.Value.Contains(name, StringComparison.Ordinal))
                    {
                        return (i + 1, tag.Value);
                    }
                }
            }
        }

        return (1, LineText(_source, 1));
    }

    private static string LineText(string source, int line)
    {
        var lines = source.Split('\n');
        var text = line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : string.Empty;
        return text.Length > 120 ? text[..120] + "…" : text;
    }

    private static string TrimPosition(string? error) =>
        SlipwayError.Flatten(Position().Replace(error ?? "syntax error", string.Empty)).TrimEnd('.', ' ');

    [GeneratedRegex(@"\s*(?:at )?\((\d+):(\d+)\)")]
    private static partial Regex Position();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}")]
    private static partial Regex Tag();
}
