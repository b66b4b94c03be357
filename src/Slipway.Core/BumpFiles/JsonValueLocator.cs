using System.Text;
using System.Text.Json;

namespace Slipway.Core.BumpFiles;

/// <summary>Finds a string by dotted key in JSON (package.json's `version`), inside its quotes; JSON is read, never re-written.</summary>
internal static class JsonValueLocator
{
    public static ValueSpan? Find(string text, string key) => Find(text, key.Split('.'));

    /// <summary>The string at <paramref name="path"/>, its names whole (a dependency named `@scope/lodash.merge`).</summary>
    public static ValueSpan? Find(string text, IReadOnlyList<string> path)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<string?>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        stack.Add(property);
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.String when property is not null && Matches(stack, property, path):
                        // The token runs from its opening quote to its closing one; the value is what is between.
                        var start = (int)reader.TokenStartIndex + 1;
                        var end = (int)reader.BytesConsumed - 1;
                        var charStart = Encoding.UTF8.GetCharCount(bytes, 0, start);
                        return new ValueSpan(charStart, Encoding.UTF8.GetCharCount(bytes, start, end - start));
                    default:
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    // stack[0] is the root (no property name); stack[i] is the property that opened level i.
    private static bool Matches(List<string?> stack, string property, IReadOnlyList<string> path)
    {
        if (stack.Count != path.Count)
        {
            return false;
        }

        for (var i = 1; i < stack.Count; i++)
        {
            if (stack[i] != path[i - 1])
            {
                return false;
            }
        }

        return property == path[^1];
    }
}
