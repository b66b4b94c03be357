using Slipway.Adapters.Registry;
using Slipway.Core.Errors;
using Slipway.Core.Images;
using Slipway.Core.Security;

namespace Slipway.Cli.Images;

/// <summary>Opens a registry client for an image: the credential (flags, environment, docker config, GITHUB_TOKEN) and plain HTTP only where allowed.</summary>
public static class RegistryConnection
{
    /// <param name="environment">Where REGISTRY_USERNAME, REGISTRY_PASSWORD and GITHUB_TOKEN are read.</param>
    public static RegistryClient Open(ImageReference image, RegistryCredential? given, bool insecure, bool push, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(image);
        var credential = RegistryCredentials.Resolve(image.Registry, given, environment);
        return new RegistryClient(image, credential, new RegistryClientOptions { Insecure = insecure, Push = push });
    }

    /// <summary>The credential of --username and --password-stdin, read from <paramref name="stdin"/>; null when neither is given.</summary>
    public static RegistryCredential? FromFlags(string? username, bool passwordStdin, TextReader stdin)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        if (username is null && !passwordStdin)
        {
            return null;
        }

        if (string.IsNullOrEmpty(username) || !passwordStdin)
        {
            throw new SlipwayException(SlipwayError.Usage("--username and --password-stdin go together",
                "pass both (e.g. echo \"$TOKEN\" | slipway image promote ... --username USER --password-stdin)"));
        }

        // One trailing newline is what `echo` adds; the password itself may contain anything else.
        var password = stdin.ReadToEnd();
        password = password.EndsWith("\r\n", StringComparison.Ordinal) ? password[..^2] : password.EndsWith('\n') ? password[..^1] : password;
        return password.Length == 0
            ? throw new SlipwayException(SlipwayError.Usage("--password-stdin: standard input is empty", "pipe the password or token into slipway"))
            : new RegistryCredential(username, new Secret(password), "--username/--password-stdin");
    }
}
