using System.Text;

namespace Slipway.Core.Ci;

/// <summary>GitHub Actions workflow commands (`::error title=…::message`), escaped so that no value can end the command or start another.</summary>
/// <remarks>The runner's own rules (actions/toolkit command.ts): in the message `%`, `\r`, `\n` are escaped; in a property also `:` and `,`.</remarks>
public static class WorkflowCommand
{
    /// <summary>A message (the part after `::`): `%` → %25, `\r` → %0D, `\n` → %0A.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>A property value (title=…): as data, and `:` → %3A, `,` → %2C.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>`::error title=TITLE::MESSAGE`, one line whatever the title and message hold.</summary>
    public static string Error(string title, string message)
    {
        ArgumentNullException.ThrowIfNull(title);
        return new StringBuilder("::error title=").Append(EscapeProperty(title)).Append("::").Append(EscapeData(message)).ToString();
    }
}
