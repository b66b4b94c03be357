using System.Text;
using Slipway.Core.Errors;

namespace Slipway.Core.Images;

/// <summary>Renders the Handlebars subset metadata-action's expressions use: {{name}}, {{name 'arg' key='value'}}, {{{name}}} and {{! comments }}.</summary>
internal static class TagExpression
{

    public static string Render(string template, IReadOnlyDictionary<string, TemplateHelper> scope)
    {
        var output = new StringBuilder(template.Length);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                output.Append(template, i, template.Length - i);
                break;
            }

            if (open > 0 && template[open - 1] == '\\')
            {
                // \{{ is a literal mustache in Handlebars.
                output.Append(template, i, open - 1 - i).Append("{{");
                i = open + 2;
                continue;
            }

            output.Append(template, i, open - i);
            var triple = open + 2 < template.Length && template[open + 2] == '{';
            var closing = triple ? "}}}" : "}}";
            var start = open + (triple ? 3 : 2);
            var close = template.IndexOf(closing, start, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Bad(template, "a {{ is not closed");
            }

            var body = template[start..close].Trim().Trim('~').Trim();
            i = close + closing.Length;
            if (body.StartsWith('!'))
            {
                continue;
            }

            if (body.StartsWith('&'))
            {
                body = body[1..].Trim();
            }

            if (body.Length == 0 || "#/^>".Contains(body[0], StringComparison.Ordinal))
            {
                throw Bad(template, $"'{{{{{body}}}}}' is not supported (only values and helpers such as {{{{branch}}}} or {{{{date 'YYYYMMDD'}}}})");
            }

            var value = Evaluate(template, body, scope);
            // Handlebars would HTML-escape {{…}} (a branch a=b becomes a&#x3D;b); tags and labels are not HTML, so values stay as they are.
            output.Append(value);
        }

        return output.ToString();
    }

    private static string Evaluate(string template, string body, IReadOnlyDictionary<string, TemplateHelper> scope)
    {
        var tokens = Tokenize(template, body);
        var name = tokens[0].Text;
        var arguments = new List<string?>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var token in tokens.Skip(1))
        {
            if (token.Key is not null)
            {
                options[token.Key] = token.Value;
            }
            else
            {
                arguments.Add(token.Value);
            }
        }

        if (!scope.TryGetValue(name, out var helper))
        {
            return arguments.Count + options.Count > 0
                ? throw Bad(template, $"unknown helper '{name}'")
                : string.Empty;
        }

        return helper(arguments, options) ?? string.Empty;
    }

    /// <summary>A token: its text, its value (literals unquoted, identifiers undefined = null) and, for key=value, its key.</summary>
    private readonly record struct Token(string Text, string? Value, string? Key);

    private static List<Token> Tokenize(string template, string body)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < body.Length)
        {
            if (char.IsWhiteSpace(body[i]))
            {
                i++;
                continue;
            }

            var start = i;
            string? key = null;
            var equals = -1;
            while (i < body.Length && !char.IsWhiteSpace(body[i]) && body[i] is not ('\'' or '"'))
            {
                if (body[i] == '=' && equals < 0)
                {
                    equals = i;
                }

                i++;
            }

            if (equals >= 0)
            {
                key = body[start..equals];
                start = equals + 1;
            }

            string? value;
            string text;
            if (i < body.Length && body[i] is '\'' or '"' && i == start)
            {
                var quote = body[i];
                var end = body.IndexOf(quote, i + 1);
                if (end < 0)
                {
                    throw Bad(template, $"a {quote} is not closed");
                }

                value = body[(i + 1)..end];
                text = body[start..(end + 1)];
                i = end + 1;
            }
            else
            {
                text = body[start..i];
                value = Literal(text);
                if (text.Length == 0)
                {
                    throw Bad(template, $"'{body}' cannot be read");
                }
            }

            tokens.Add(new Token(text, value, key));
        }

        return tokens.Count > 0 ? tokens : throw Bad(template, "an empty {{ }}");
    }

    // Numbers and booleans are literals; any other bare word is a path that is undefined here (as an argument).
    private static string? Literal(string text) =>
        text is "true" or "false" || double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? text
            : null;

    private static SlipwayException Bad(string template, string problem) =>
        new(SlipwayError.Usage($"image tag expression '{template}': {problem}", "see the metadata-action expressions: {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{date 'FORMAT'}}"));
}
