using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Tests.Fixtures.GitHub;

/// <summary>The smallest value that satisfies a contract schema (required properties only), for the parts of a response the double does not model (author, owner, URLs).</summary>
public static class SchemaExample
{
    public static JsonNode? For(OpenApiContract contract, JsonElement schema, int depth = 0)
    {
        schema = contract.Resolve(schema);
        if (schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean() && depth > 0)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var allowed))
        {
            return JsonNode.Parse(allowed[0].GetRawText());
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                return For(contract, options[0], depth);
            }
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : "object";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (schema.TryGetProperty("required", out var required))
                {
                    var properties = schema.GetProperty("properties");
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        obj[name] = For(contract, properties.GetProperty(name), depth + 1);
                    }
                }

                return obj;
            case "array":
                return new JsonArray();
            case "integer":
            case "number":
                return 1;
            case "boolean":
                return false;
            default:
                return format switch
                {
                    "uri" => "https://example.invalid/x",
                    "date-time" => "2026-01-01T00:00:00Z",
                    _ => "x",
                };
        }
    }
}
