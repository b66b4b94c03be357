namespace Slipway.Adapters.GitHub;

/// <summary>A GitHub token. It prints as *** everywhere (logs, errors, debuggers); only the HTTP core reads its value.</summary>
public sealed class GitHubToken
{
    private readonly string _value;

    public GitHubToken(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
    }

    /// <summary>Never the token itself, so that string interpolation or a log line cannot leak it.</summary>
    public override string ToString() => "***";

    internal string Reveal() => _value;
}
