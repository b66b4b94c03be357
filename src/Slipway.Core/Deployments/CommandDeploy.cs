using System.Text.RegularExpressions;

namespace Slipway.Core.Deployments;

/// <summary>
/// How a `kind: command` environment is deployed: any program (docker compose, a platform's CLI) run as an argument array,
/// never a shell string, with {version}, {tag}, {digest} and {environment} replaced in each argument; then, when given, a
/// status command whose success says the version runs.
/// </summary>
public sealed partial record CommandDeploy
{
    /// <summary>The placeholders an argument may hold.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["version", "tag", "digest", "environment"];

    /// <summary>How long the deploy command may run when `timeout:` is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The deploy command: program and arguments.</summary>
    public required IReadOnlyList<string> Run { get; init; }

    /// <summary>Run after <see cref="Run"/> succeeded: exit 0 means the version runs; anything else fails the attempt.</summary>
    public IReadOnlyList<string>? Status { get; init; }

    /// <summary>How long each command may run before it is stopped and the attempt fails.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The first {name} in the argument that is not a placeholder (a typo such as {verison}), or null.</summary>
    public static string? UnknownPlaceholder(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return Placeholder().Matches(argument).Select(m => m.Groups[1].Value).FirstOrDefault(n => !Placeholders.Contains(n)) is { } name ? "{" + name + "}" : null;
    }

    /// <summary>The arguments with the placeholders replaced (no digest known: {digest} is empty). Each stays one argument.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> arguments, CommandValues values)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(values);
        return [.. arguments.Select(a => Placeholder().Replace(a, m => m.Groups[1].Value switch
        {
            "version" => values.Version,
            "tag" => values.Tag,
            "digest" => values.Digest ?? string.Empty,
            "environment" => values.Environment,
            _ => m.Value,
        }))];
    }

    [GeneratedRegex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>What a deploy command's placeholders (and its SLIPWAY_* variables) stand for.</summary>
public sealed record CommandValues(string Version, string Tag, string? Digest, string Environment)
{
    /// <summary>SLIPWAY_VERSION, SLIPWAY_TAG, SLIPWAY_DIGEST (when known) and SLIPWAY_ENV, for a compose file's ${SLIPWAY_TAG}.</summary>
    public IReadOnlyDictionary<string, string?> Variables => new Dictionary<string, string?>
    {
        ["SLIPWAY_VERSION"] = Version,
        ["SLIPWAY_TAG"] = Tag,
        ["SLIPWAY_DIGEST"] = Digest,
        ["SLIPWAY_ENV"] = Environment,
    };
}
