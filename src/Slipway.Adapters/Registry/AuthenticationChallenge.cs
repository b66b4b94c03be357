using System.Net.Http.Headers;
using System.Text;

namespace Slipway.Adapters.Registry;

/// <summary>A parsed WWW-Authenticate challenge: Basic or Bearer, with realm, service, scope and error parameters.</summary>
public sealed class AuthenticationChallenge
{
    private readonly Dictionary<string, string> _parameters;

    private AuthenticationChallenge(string scheme, Dictionary<string, string> parameters)
    {
        Scheme = scheme;
        _parameters = parameters;
    }

    public string Scheme { get; }

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameter("realm");

    public string? Service => Parameter("service");

    public string? Scope => Parameter("scope");

    public string? Error => Parameter("error");

    public string? Parameter(string name) => _parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>The first challenge of a 401 response, or null when it has none.</summary>
    public static AuthenticationChallenge? From(HttpResponseMessage response)
    {
        var header = response.Headers.WwwAuthenticate.FirstOrDefault();
        return header is null ? null : Parse(header);
    }

    public static AuthenticationChallenge Parse(AuthenticationHeaderValue header) =>
        new(header.Scheme, ParseParameters(header.Parameter ?? string.Empty));

    /// <summary>Parses key=value and key="quoted, value" pairs separated by commas (commas inside quotes belong to the value).</summary>
    public static Dictionary<string, string> ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            var keyStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',')
            {
                i++;
            }

            var key = text[keyStart..i].Trim();
            if (i >= text.Length || text[i] != '=')
            {
                continue;
            }

            i++;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i]);
                    i++;
                }

                i++;
            }
            else
            {
                while (i < text.Length && text[i] != ',')
                {
                    value.Append(text[i]);
                    i++;
                }
            }

            if (key.Length > 0)
            {
                result[key] = value.ToString().Trim();
            }
        }

        return result;
    }
}
