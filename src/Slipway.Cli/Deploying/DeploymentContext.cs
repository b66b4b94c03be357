using System.Security.Cryptography;
using Slipway.Adapters.Actions;
using Slipway.Adapters.Git;
using Slipway.Adapters.Ledger;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Notifying;
using Slipway.Cli.Output;
using Slipway.Cli.Releasing;
using Slipway.Core.Configuration;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Deploying;

/// <summary>What the deployment commands share: the clone, slipway.yml, the ledger on the remote, who is deploying, and the clock.</summary>
public sealed class DeploymentContext
{
    private DeploymentContext(GitRepository git, RepositoryState state, SlipwayConfig config, Terminal? notify, string? package, Clock clock, Func<string, string?> environment)
    {
        Clock = clock;
        Package = package;
        Git = git;
        State = state;
        Config = config;
        Variables = environment;
        Naming = new TagNaming(config.Tag.Prefixes);
        IDeploymentLedger ledger = new GitLedger(state.TopLevel, config.Remote);
        Ledger = notify is null ? ledger : new NotifyingLedger(ledger, CommandNotifications.Prepare(config, state.TopLevel, notify, environment), Naming);
    }

    public GitRepository Git { get; }

    public RepositoryState State { get; }

    public SlipwayConfig Config { get; }

    public TagNaming Naming { get; }

    public IDeploymentLedger Ledger { get; }

    /// <summary>The command's clock (the workspace's: <see cref="Workspace.Clock"/>): when each record and wait happens.</summary>
    public Clock Clock { get; }

    /// <summary>Reads an environment variable (null when unset): tokens, the approval variable, the Actions run's facts.</summary>
    public Func<string, string?> Variables { get; }

    /// <summary>The GitHub Actions run this command is part of, from <see cref="Variables"/>.</summary>
    public ActionsContext Actions => ActionsContext.From(Variables);

    /// <summary>`--package NAME`: the package whose versions (and environments, when it has its own) these are; null for the repository.</summary>
    public string? Package { get; }

    /// <summary>The repository root: where helm, gates and health commands run, so relative chart and values paths work.</summary>
    public string Root => State.TopLevel;

    /// <param name="notify">For the commands that deploy: the records they append are announced to slipway.yml's notifiers
    /// (whose secrets are read now, so a missing one stops the command before it changes anything), warnings going here.</param>
    /// <param name="package">`--package NAME`: slipway.yml as that package sees it (<see cref="PackageConfig.View"/>).</param>
    /// <param name="clock">The command's clock, handed on as a workspace's is.</param>
    /// <param name="environment">The environment variables, handed on by the command (<see cref="ProcessEnvironment.Variable"/>, or
    /// `ci release`'s workspace's).</param>
    public static async Task<DeploymentContext> OpenAsync(string directory, Clock clock, Func<string, string?> environment, CancellationToken cancellationToken,
        Terminal? notify = null, string? package = null)
    {
        var (git, state, config) = await Workspace.OpenRepositoryAsync(directory, cancellationToken).ConfigureAwait(false);
        if (package is not null)
        {
            config = PackageConfig.View(config, package).Config;
        }

        return new DeploymentContext(git, state, config, notify, package, clock, environment);
    }

    /// <summary>The configured environment with this name; a one-line usage error naming the known ones otherwise.</summary>
    public DeploymentEnvironment Environment(string name)
    {
        if (Package is null && Config.Environments.All(e => e.Name != name)
            && Config.Packages.FirstOrDefault(p => p.Environments?.Any(e => e.Name == name) == true) is { } owner)
        {
            throw new SlipwayException(SlipwayError.Usage($"environment '{name}' is package {owner.Name}'s", $"add --package {owner.Name}"));
        }

        if (Config.Environments.Count == 0)
        {
            throw new SlipwayException(NoEnvironments());
        }

        return Config.Environments.FirstOrDefault(e => e.Name == name)
            ?? throw new SlipwayException(SlipwayError.Usage(
                $"unknown environment '{name}'", $"use one of: {string.Join(", ", Config.Environments.Select(e => e.Name))} (environments: in slipway.yml)"));
    }

    /// <summary>
    /// The ledger for `status` and `history`. With no environment in slipway.yml, a ledger that cannot be read (no remote yet)
    /// means nothing was deployed from here: the missing environments are the error to report, not the remote.
    /// </summary>
    public async Task<LedgerSnapshot> ReadLedgerAsync(CancellationToken cancellationToken)
    {
        if (Config.Environments.Count > 0)
        {
            return await Ledger.ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await Ledger.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException e) when (e.Error.Code == ExitCode.Failed)
        {
            throw new SlipwayException(NoEnvironments());
        }
    }

    /// <summary>
    /// The environments to show: slipway.yml's, then those only the ledger knows (removed from slipway.yml since). None at all is
    /// the same usage error as `history` or `deploy` give: a repository that does not deploy has no status to show, unless the
    /// ledger records releases (made with gates skipped).
    /// </summary>
    public IReadOnlyList<string> EnvironmentNames(DeploymentHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var names = Config.Environments.Select(e => e.Name).Concat(history.Environments()).Distinct(StringComparer.Ordinal).ToList();
        return names.Count > 0 || history.Releases.Count > 0 ? names : throw new SlipwayException(NoEnvironments());
    }

    private static SlipwayError NoEnvironments() =>
        SlipwayError.Usage("no environments are configured", "add environments: with a helm: release and chart for each to slipway.yml");

    /// <summary>VERSION as typed (1.3.0 or v1.3.0), or the current version when none is given.</summary>
    public async Task<SemanticVersion> VersionAsync(string? text, CancellationToken cancellationToken)
    {
        if (text is not null)
        {
            return Naming.ParseVersion(text);
        }

        using var repository = await Workspace.OpenAsync(Root, Clock, Variables, cancellationToken, Package).ConfigureAwait(false);
        return repository.Line.Latest?.Version ?? throw new SlipwayException(SlipwayError.Precondition(
            "there is no version tag to deploy yet", "pass the version (slipway deploy ENV 1.3.0) or cut a release first"));
    }

    /// <summary>The commit the version's tag points at, or null when the tag is not in this clone.</summary>
    public Task<string?> CommitOfAsync(SemanticVersion version, CancellationToken cancellationToken) =>
        Git.RefCommitAsync($"refs/tags/{Naming.TagFor(version)}", cancellationToken);

    /// <summary>Who is deploying: GITHUB_ACTOR in Actions, else the git user, else the login name.</summary>
    public Task<string> ActorAsync(CancellationToken cancellationToken) => Actor.OfAsync(Git, Variables, cancellationToken);

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
