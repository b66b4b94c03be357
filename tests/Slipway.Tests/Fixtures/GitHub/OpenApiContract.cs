using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.Tests.Fixtures.GitHub;

/// <summary>
/// GitHub's REST contract as ../shared/contracts/github-releases.openapi.json describes it, read at run time:
/// routes, parameters, request and response schemas, and a validator for the JSON-schema subset it uses.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly Lazy<OpenApiContract> Shared = new(() => new OpenApiContract(SharedFiles.Path("contracts", "github-releases.openapi.json")));
    private readonly JsonDocument _document;

    private OpenApiContract(string path)
    {
        _document = JsonDocument.Parse(File.ReadAllText(path));
        var operations = new List<OpenApiOperation>();
        foreach (var pathItem in _document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in pathItem.Value.EnumerateObject())
            {
                var parameters = op.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().Select(Resolve).ToList() : [];
                JsonElement? body = null;
                var bodyRequired = false;
                var bodyIsJson = false;
                if (op.Value.TryGetProperty("requestBody", out var requestBody))
                {
                    bodyRequired = requestBody.TryGetProperty("required", out var r) && r.GetBoolean();
                    if (requestBody.GetProperty("content").TryGetProperty("application/json", out var json))
                    {
                        body = json.GetProperty("schema");
                        bodyIsJson = true;
                    }
                }

                var responses = new Dictionary<int, JsonElement?>();
                foreach (var response in op.Value.GetProperty("responses").EnumerateObject())
                {
                    var resolved = Resolve(response.Value);
                    // OpenAPI 3 puts the schema under content; Swagger 2.0 (Argo CD's) beside the description, with "default" for errors.
                    var code = response.Name == "default" ? 0 : int.Parse(response.Name, CultureInfo.InvariantCulture);
                    responses[code] = resolved.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var j) ? j.GetProperty("schema")
                        : resolved.TryGetProperty("schema", out var schema) ? schema : null;
                }

                operations.Add(new OpenApiOperation(op.Value.GetProperty("operationId").GetString()!, op.Name.ToUpperInvariant(), pathItem.Name,
                    parameters, body, bodyRequired, bodyIsJson, responses, op.Value.TryGetProperty("servers", out _)));
            }
        }

        Operations = operations;
    }

    public static OpenApiContract Load() => Shared.Value;

    /// <summary>The pull request and label operations, tests/Slipway.Tests/Contracts/github-pulls.openapi.json (see its README).</summary>
    public static OpenApiContract LoadPulls() => Pulls.Value;

    /// <summary>The check run, status, commit pull request and review reads of the release gates, tests/Slipway.Tests/Contracts/github-checks.openapi.json.</summary>
    public static OpenApiContract LoadChecks() => Checks.Value;

    private static readonly Lazy<OpenApiContract> Checks = new(() => new OpenApiContract(InRepository("tests", "Slipway.Tests", "Contracts", "github-checks.openapi.json")));

    private static readonly Lazy<OpenApiContract> Pulls = new(() => new OpenApiContract(InRepository("tests", "Slipway.Tests", "Contracts", "github-pulls.openapi.json")));

    private static string InRepository(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{Path.Combine(parts)} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Another contract file in the same format (e.g. the Deployments subset under tests/), or Swagger 2.0 (Argo CD's).</summary>
    public static OpenApiContract LoadFrom(string path) => new(path);

    public IReadOnlyList<OpenApiOperation> Operations { get; }

    public JsonElement Schema(string name) => _document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

    /// <summary>The operation for a method and path: null with 404 for an unknown path, 405 for a known path and another method.</summary>
    public (OpenApiOperation? Operation, Dictionary<string, string> PathParameters, int Status) Match(string method, string path)
    {
        var pathMatched = false;
        // Literal segments win over parameters (releases/latest before releases/{release_id}), as in GitHub's router.
        foreach (var op in Operations.OrderBy(o => o.Template.Count(c => c == '{')))
        {
            var match = op.PathPattern.Match(path);
            if (!match.Success)
            {
                continue;
            }

            pathMatched = true;
            if (op.Method == method)
            {
                var values = op.PathPattern.GetGroupNames().Where(g => !int.TryParse(g, out _))
                    .ToDictionary(g => g, g => Uri.UnescapeDataString(match.Groups[g].Value), StringComparer.Ordinal);
                return (op, values, 200);
            }
        }

        return (null, [], pathMatched ? 405 : 404);
    }

    /// <summary>Follows a $ref to its target in this document.</summary>
    public JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            var target = _document.RootElement;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            element = target;
        }

        return element;
    }

    /// <summary>Checks a JSON value against a schema (type, nullable, required, properties, items, enum, oneOf/anyOf/allOf); adds one line per problem.</summary>
    /// <param name="strictProperties">Also report properties the schema does not name (for request bodies: a typo must not pass).</param>
    public void Validate(JsonElement value, JsonElement schema, string where, List<string> problems, bool strictProperties = false)
    {
        schema = Resolve(schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()))
            {
                problems.Add($"{where}: null is not allowed");
            }

            return;
        }

        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                if (!options.EnumerateArray().Any(o => { var p = new List<string>(); Validate(value, o, where, p, strictProperties); return p.Count == 0; }))
                {
                    problems.Add($"{where}: matches none of the {combinator} schemas");
                }

                return;
            }
        }

        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray())
            {
                Validate(value, part, where, problems, strictProperties);
            }

            return;
        }

        if (schema.TryGetProperty("type", out var typeElement) && !HasType(value, typeElement.GetString()!))
        {
            problems.Add($"{where}: expected {typeElement.GetString()}, got {value.ValueKind.ToString().ToLowerInvariant()} {Show(value)}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            problems.Add($"{where}: {Show(value)} is not one of {allowed.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                {
                    problems.Add($"{where}: required property '{name}' is missing");
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Validate(property.Value, propertySchema, $"{where}.{property.Name}", problems, strictProperties);
                }
                else if (strictProperties && properties.ValueKind == JsonValueKind.Object)
                {
                    problems.Add($"{where}: property '{property.Name}' is not in the contract");
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(item, items, $"{where}[{i++}]", problems, strictProperties);
            }
        }
    }

    /// <summary>Whether a query or path parameter's text fits its schema type.</summary>
    public static bool FitsType(string text, JsonElement parameter)
    {
        var type = parameter.TryGetProperty("schema", out var s) && s.TryGetProperty("type", out var t) ? t.GetString() : "string";
        return type switch
        {
            "integer" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "boolean" => text is "true" or "false",
            _ => true,
        };
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => true,
    };

    private static string Show(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }
}
