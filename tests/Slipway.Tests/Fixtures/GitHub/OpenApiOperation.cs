using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.Tests.Fixtures.GitHub;

/// <summary>One operation of the contract: method, path template, parameters, request body and documented responses.</summary>
public sealed record OpenApiOperation(
    string Id,
    string Method,
    string Template,
    IReadOnlyList<JsonElement> Parameters,
    JsonElement? JsonBody,
    bool BodyRequired,
    bool BodyIsJson,
    IReadOnlyDictionary<int, JsonElement?> Responses,
    bool OnUploadsHost)
{
    public Regex PathPattern { get; } = new("^" + Regex.Replace(Regex.Escape(Template).Replace("\\{", "{", StringComparison.Ordinal), "{([a-z_]+)}", "(?<$1>[^/]+)") + "$");

    public JsonElement? Parameter(string name, string location) =>
        Parameters.Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("name").GetString() == name && p.Value.GetProperty("in").GetString() == location);
}
