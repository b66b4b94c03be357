namespace Slipway.Core.Errors;

/// <summary>A user-facing error: what is wrong, how to fix it, and the exit code. Rendered as one line.</summary>
public sealed record SlipwayError(ExitCode Code, string Message, string? Fix = null, string? Detail = null)
{
    /// <summary>The one line the user sees: "message; fix".</summary>
    public string OneLine()
    {
        var line = Fix is null ? Message : $"{Message}; {Fix}";
        return Flatten(line);
    }

    /// <summary>Collapses newlines and control characters so an error stays one line whatever data it quotes.</summary>
    public static string Flatten(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars).Trim();
    }

    public static SlipwayError Usage(string message, string? fix = null) => new(ExitCode.Usage, message, fix);

    public static SlipwayError Precondition(string message, string? fix = null) => new(ExitCode.Precondition, message, fix);

    public static SlipwayError Failed(string message, string? fix = null, string? detail = null) => new(ExitCode.Failed, message, fix, detail);
}
