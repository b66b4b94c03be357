using Slipway.Adapters.Actions;
using Slipway.Adapters.Git;

namespace Slipway.Adapters.Workspace;

/// <summary>Who is acting, as the ledger and the notifications name them: GITHUB_ACTOR in Actions, else the git user (name &lt;email&gt;), else the login name.</summary>
public static class Actor
{
    public static async Task<string> OfAsync(IGitRepository git, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        if (ActionsContext.From(environment).Actor is { Length: > 0 } actor)
        {
            return actor;
        }

        var name = await git.ConfigValueAsync("user.name", cancellationToken).ConfigureAwait(false);
        var email = await git.ConfigValueAsync("user.email", cancellationToken).ConfigureAwait(false);
        return (name, email) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{name} <{email}>",
            ({ Length: > 0 }, _) => name,
            (_, { Length: > 0 }) => email,
            _ => Environment.UserName,
        };
    }
}
