using Slipway.Adapters.GitHub;
using Slipway.Cli.Output;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;

namespace Slipway.Cli.Deploying;

/// <summary>Mirrors deployment attempts to GitHub's Deployments API (when release.github is configured): a deployment per
/// attempt, in_progress, then success or failure, and inactive for the deployment it replaced. The git ledger stays the
/// source of truth: any GitHub failure is one warning line, after which the mirror stops for this run.</summary>
public sealed class GitHubMirror : IDisposable
{
    private const int MaxDescription = 140; // GitHub refuses longer status descriptions
    private readonly GitHubHttp _http;
    private readonly GitHubDeployments _api;
    private readonly Terminal _terminal;
    private bool _broken;

    private GitHubMirror(GitHubHttp http, GitHubRepositoryName repository, Terminal terminal)
    {
        _http = http;
        _api = new GitHubDeployments(http, repository);
        _terminal = terminal;
    }

    /// <summary>The mirror, or null when release.github is not configured (or it cannot be reached: then one warning).</summary>
    public static async Task<GitHubMirror?> CreateAsync(DeploymentContext context, Terminal terminal, CancellationToken cancellationToken)
    {
        if (context.Config.Release.GitHub is not { } github)
        {
            return null;
        }

        try
        {
            var connection = GitHubConnection.FromEnvironment(context.Variables, GitHubDeployments.Permission);
            var repository = await RepositoryAsync(context, github.Repo, cancellationToken).ConfigureAwait(false);
            var http = new GitHubHttp(connection, new GitHubRetryPolicy { MaxRetries = 1, FirstBackoff = TimeSpan.FromMilliseconds(200), MaxWait = TimeSpan.FromSeconds(5) })
            {
                Trace = terminal.Detail,
            };
            return new GitHubMirror(http, repository, terminal);
        }
        catch (SlipwayException e)
        {
            Warn(terminal, e.Error.OneLine());
            return null;
        }
    }

    /// <summary>Creates the deployment and marks it in_progress; null when GitHub did not answer (warned).</summary>
    public async Task<long?> StartAsync(DeploymentEnvironment env, string tag, string description, CancellationToken cancellationToken)
    {
        return await GuardAsync(async () =>
        {
            var deployment = await _api.CreateAsync(
                new DeploymentFields(tag, env.Name, Short(description)) { ProductionEnvironment = env.Requires.Approval ? true : null }, cancellationToken).ConfigureAwait(false);
            await _api.SetStatusAsync(deployment.Id, new DeploymentStatusFields("in_progress", Short(description)), cancellationToken).ConfigureAwait(false);
            return (long?)deployment.Id;
        }).ConfigureAwait(false);
    }

    /// <summary>Ends the deployment (success or failure) and, after a success, marks the replaced one inactive.</summary>
    public async Task FinishAsync(long? deployment, bool succeeded, string description, long? replaced, CancellationToken cancellationToken)
    {
        if (deployment is not { } id)
        {
            return;
        }

        await GuardAsync(async () =>
        {
            await _api.SetStatusAsync(id, new DeploymentStatusFields(succeeded ? "success" : "failure", Short(description)) { AutoInactive = false }, cancellationToken).ConfigureAwait(false);
            if (succeeded && replaced is { } old && old != id)
            {
                await _api.SetStatusAsync(old, new DeploymentStatusFields("inactive", Short($"replaced by deployment {id}")), cancellationToken).ConfigureAwait(false);
            }

            return (long?)id;
        }).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<long?> GuardAsync(Func<Task<long?>> call)
    {
        if (_broken)
        {
            return null;
        }

        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (SlipwayException e)
        {
            _broken = true;
            Warn(_terminal, e.Error.OneLine());
            return null;
        }
    }

    private static void Warn(Terminal terminal, string problem) =>
        terminal.Error.WriteLine($"slipway: warning: not mirrored to GitHub Deployments (the ledger has the record): {TextSanitizer.OneLine(problem)}");

    private static string Short(string text)
    {
        var line = TextSanitizer.OneLine(text);
        return line.Length <= MaxDescription ? line : line[..(MaxDescription - 1)] + "…";
    }

    private static async Task<GitHubRepositoryName> RepositoryAsync(DeploymentContext context, string? configured, CancellationToken cancellationToken) =>
        GitHubTarget.Resolve(context.Variables, configured, context.Config.Remote,
            await context.Git.RemoteUrlAsync(context.Config.Remote, cancellationToken).ConfigureAwait(false));
}
