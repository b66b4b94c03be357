using Slipway.Adapters.Git;
using Slipway.Adapters.GitHub;
using Slipway.Adapters.Ledger;
using Slipway.Adapters.Registry;
using Slipway.Core.Configuration;
using Slipway.Core.Doctor;
using Slipway.Core.Errors;
using Slipway.Core.Images;

namespace Slipway.Cli.Doctor;

/// <summary>The checks that ask a server: the registry, GitHub, the ledger on the remote.</summary>
public static partial class DoctorRun
{
    private const string Offline = "--offline: the network is not asked";

    /// <summary>The seed's "the image push is denied": the registry answers /v2/, and the credentials may push (an upload started and cancelled).</summary>
    private static async Task<IReadOnlyList<DoctorCheck>> RegistryChecksAsync(SlipwayConfig config, bool offline, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (config.Image.Names.Count == 0)
        {
            return [DoctorCheck.Skip("registry", "no image: in slipway.yml"), DoctorCheck.Skip("registry-push", "no image: in slipway.yml")];
        }

        if (offline)
        {
            return [DoctorCheck.Skip("registry", Offline), DoctorCheck.Skip("registry-push", Offline)];
        }

        var checks = new List<DoctorCheck>();
        foreach (var name in config.Image.Names)
        {
            var image = ImageReference.Parse(name);
            if (await RegistryProbe.ProblemAsync(image, config.Image.Insecure, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                checks.Add(DoctorCheck.Fail("registry", $"registry {image.Registry}: {problem}", $"check image.name in slipway.yml and that the registry {image.Registry} is running"));
                checks.Add(DoctorCheck.Skip("registry-push", $"registry {image.Registry} does not answer (see the registry check)"));
                continue;
            }

            checks.Add(DoctorCheck.Pass("registry", $"registry {image.Registry} answers /v2/"));
            checks.Add(await PushCheckAsync(image, config.Image.Insecure, environment, cancellationToken).ConfigureAwait(false));
        }

        return checks;
    }

    private static async Task<DoctorCheck> PushCheckAsync(ImageReference image, bool insecure, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        RegistryCredential? credential;
        try
        {
            credential = RegistryCredentials.Resolve(image.Registry, null, environment);
        }
        catch (SlipwayException e)
        {
            return DoctorCheck.Fail("registry-push", e.Error.Message, e.Error.Fix ?? "set the registry credentials");
        }

        using var client = new RegistryClient(image, credential, new RegistryClientOptions { Insecure = insecure, Push = true, MaxRetries = 1 });
        try
        {
            await client.StartAndCancelUploadAsync(image.Repository, cancellationToken).ConfigureAwait(false);
            return DoctorCheck.Pass("registry-push", credential is null
                ? $"{image.Name} accepts pushes without credentials (an upload was started and cancelled; nothing was written)"
                : $"the credentials from {credential.Source} may push to {image.Name} (an upload was started and cancelled; nothing was written)");
        }
        catch (SlipwayException e) when (credential is null && e.Error.Message == RegistryFailure.AuthenticationRequired(image.Registry).Message)
        {
            return DoctorCheck.Skip("registry-push", $"no credentials here for {image.Registry} (REGISTRY_USERNAME/REGISTRY_PASSWORD, docker login, or GITHUB_TOKEN for ghcr.io)");
        }
        catch (SlipwayException e)
        {
            return DoctorCheck.Fail("registry-push", e.Error.Message, e.Error.Fix ?? $"check the credentials for {image.Registry}");
        }
    }

    /// <summary>The token sees the repository and may write to it (releases, tags): repos/get's permissions.</summary>
    private static async Task<DoctorCheck> GitHubCheckAsync(string root, SlipwayConfig config, bool offline, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        if (config.Release.GitHub is null)
        {
            return DoctorCheck.Skip("github", "release.github is not set in slipway.yml: releases are not published");
        }

        if (offline)
        {
            return DoctorCheck.Skip("github", Offline);
        }

        if (string.IsNullOrWhiteSpace(environment("GITHUB_TOKEN")) && string.IsNullOrWhiteSpace(environment("GH_TOKEN")))
        {
            return DoctorCheck.Skip("github", "no GitHub token here (GITHUB_TOKEN or GH_TOKEN)");
        }

        try
        {
            var connection = GitHubConnection.FromEnvironment(environment, GitHubReleases.Permission);
            var target = GitHubTarget.Resolve(environment, config.Release.GitHub.Repo, config.Remote,
                await new GitRepository(root).RemoteUrlAsync(config.Remote, cancellationToken).ConfigureAwait(false));
            using var http = new GitHubHttp(connection, new GitHubRetryPolicy { MaxRetries = 1, FirstBackoff = TimeSpan.FromMilliseconds(200), MaxWait = TimeSpan.FromSeconds(5) });
            var repository = await new GitHubReleases(http, target).GetRepositoryAsync(cancellationToken).ConfigureAwait(false);
            return repository.Permissions is { Push: false }
                ? DoctorCheck.Fail("github", $"the token can read {target} but not write to it, so releases cannot be created",
                    $"use a token with {GitHubReleases.Permission} on {target} (in GitHub Actions: permissions: contents: write)")
                : DoctorCheck.Pass("github", repository.Permissions is null ? $"the token sees {target}" : $"the token sees {target} and may write releases");
        }
        catch (SlipwayException e)
        {
            return DoctorCheck.Fail("github", e.Error.Message, e.Error.Fix ?? "check GITHUB_TOKEN and the repository");
        }
    }

    /// <summary>The ledger on the remote is readable and its records parse.</summary>
    /// <returns>The check, and the ledger when it could be read (the drift checks compare helm with it).</returns>
    private static async Task<(DoctorCheck Check, LedgerSnapshot? Ledger)> LedgerCheckAsync(string root, SlipwayConfig config, bool offline, CancellationToken cancellationToken)
    {
        if (config.Environments.Count == 0)
        {
            return (DoctorCheck.Skip("ledger", "no environments: in slipway.yml"), null);
        }

        if (offline)
        {
            return (DoctorCheck.Skip("ledger", Offline), null);
        }

        if (!(await new GitRepository(root).RemotesAsync(cancellationToken).ConfigureAwait(false)).Contains(config.Remote))
        {
            return (DoctorCheck.Fail("ledger", $"there is no remote '{config.Remote}', where the deployment ledger lives", $"git remote add {config.Remote} URL (or set remote: in slipway.yml)"), null);
        }

        try
        {
            var snapshot = await new GitLedger(root, config.Remote).ReadAsync(cancellationToken).ConfigureAwait(false);
            return (DoctorCheck.Pass("ledger", snapshot.Records.Count == 0
                ? $"{GitLedger.LedgerRef} on {config.Remote}: no deployment recorded yet"
                : $"{GitLedger.LedgerRef} on {config.Remote}: {snapshot.Records.Count} record(s) read"), snapshot);
        }
        catch (SlipwayException e)
        {
            return (DoctorCheck.Fail("ledger", e.Error.Message, e.Error.Fix ?? $"check the remote {config.Remote}"), null);
        }
    }
}
