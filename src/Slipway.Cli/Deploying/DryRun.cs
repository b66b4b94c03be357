using Slipway.Adapters.Helm;
using Slipway.Cli.Output;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.GitOps;

namespace Slipway.Cli.Deploying;

/// <summary>`--dry-run`: shows the requirements, the gates and the exact helm command (shell-quoted), and renders the chart
/// for real with `helm template`; runs no gate, touches no cluster, records nothing.</summary>
public sealed class DryRun(DeploymentContext context, Terminal terminal)
{
    public async Task<int> ShowAsync(DeploymentRequest request, DeploymentHistory history, CancellationToken cancellationToken)
    {
        var env = request.Environment;
        var version = request.Version;
        var tag = context.Naming.TagFor(request.Version);
        var helm = new HelmClient(context.Root);
        var current = history.Current(env.Name);
        var o = terminal.Out;
        await o.WriteLineAsync($"Dry run: {DeploymentNames.Of(request.Action)} {version} to {env.Name} (now: {current?.Version.ToString() ?? "nothing"}); nothing is run on the cluster or recorded").ConfigureAwait(false);
        if (request.Action != DeploymentAction.Rollback && env.Requires.PromotedFrom is { } source)
        {
            var refusal = DeploymentGuard.PromotedFromRefusal(env, version, history);
            await o.WriteLineAsync($"  requires promoted_from {source}: {(refusal is null ? "ok" : "REFUSED: " + refusal.Message)}{(request.Force && refusal is not null ? " (--force overrides)" : string.Empty)}").ConfigureAwait(false);
        }

        if (env.Requires.Approval)
        {
            var how = request.Force ? "bypassed by --force" : Approval.FromGitHubActions(env, context.Variables) ? "given by the GitHub Actions environment" : "would be asked at a terminal (exit 3 without one)";
            await o.WriteLineAsync($"  requires approval: {how}").ConfigureAwait(false);
        }

        foreach (var gate in new DeploymentRun(env, request.Version, request.Action, history).Gates)
        {
            await o.WriteLineAsync($"  gate {TextSanitizer.OneLine(gate.Name)}: {TextSanitizer.OneLine(ShellQuote.Join(gate.Run[0], gate.Run.Skip(1)))}").ConfigureAwait(false);
        }

        if (env.Command is { } command)
        {
            var values = new CommandValues(version.ToString(), tag, request.Digest, env.Name);
            await o.WriteLineAsync($"  {TextSanitizer.OneLine(ShellQuote.Join(command.Run[0], CommandDeploy.Expand(command.Run, values).Skip(1)))}").ConfigureAwait(false);
            if (command.Status is { } status)
            {
                await o.WriteLineAsync($"  status: {TextSanitizer.OneLine(ShellQuote.Join(status[0], CommandDeploy.Expand(status, values).Skip(1)))}").ConfigureAwait(false);
            }
        }
        else if (env.GitOps is { } gitops)
        {
            var how = gitops.Via == GitOpsVia.PullRequest ? "pull request into" : "push to";
            await o.WriteLineAsync(TextSanitizer.OneLine($"  gitops: set {gitops.Edit.Describe()} in {gitops.File}, {how} {gitops.Branch} of {gitops.Repo}")).ConfigureAwait(false);
            if (gitops.ArgoCd is { } argo)
            {
                await o.WriteLineAsync(TextSanitizer.OneLine($"  argocd: wait up to {argo.Timeout.TotalSeconds:0.###}s for {argo.Application} at {argo.Url} to be Synced and Healthy"))
                    .ConfigureAwait(false);
            }
        }
        else
        {
            await o.WriteLineAsync($"  {TextSanitizer.OneLine(ShellQuote.Join(helm.Program, HelmClient.UpgradeArguments(env.Helm!, tag)))}").ConfigureAwait(false);
        }

        if (env.Rollout is { } rollout && request.Action != DeploymentAction.Rollback)
        {
            // The real run sets the canary values per step (the stable version is the last good one, when there is one).
            var steps = string.Join(", ", rollout.Steps.Select(s => s.Pause > TimeSpan.Zero ? $"{s.Weight}% for {s.Pause.TotalSeconds:0.###}s" : $"{s.Weight}%"));
            var judge = string.Join(" and ", new[]
            {
                rollout.Analysis.Prometheus is { } p ? $"prometheus query '{p.Query}' {p.Threshold}" : null,
                rollout.Analysis.Health ? "the health check" : null,
            }.OfType<string>());
            var move = env.GitOps is null ? string.Empty : " (a commit each)";
            await o.WriteLineAsync($"  rollout: canary steps {steps}{move}, each judged by {TextSanitizer.OneLine(judge)} (at once when no other good version runs there)")
                .ConfigureAwait(false);
        }

        if (env.Health is { } health)
        {
            await o.WriteLineAsync($"  health: {(health.Url is { } url ? "GET " + url : ShellQuote.Join(health.Run![0], health.Run.Skip(1)))}, {health.Retries} retries every {health.Interval.TotalSeconds:0.###}s").ConfigureAwait(false);
        }

        if (env.Helm is null)
        {
            return 0;
        }

        var template = await helm.RunAsync(HelmClient.TemplateArguments(env.Helm, tag), cancellationToken).ConfigureAwait(false);
        if (!template.Succeeded)
        {
            throw new SlipwayException(SlipwayError.Failed($"helm template of {env.Helm.Chart} failed: {template.Problem}",
                "fix the chart or its values files (run the helm template command above to see everything)", template.ErrorOutput));
        }

        var documents = template.Output.Split('\n').Count(l => l.StartsWith("kind:", StringComparison.Ordinal));
        await o.WriteLineAsync($"helm template: ok, {documents} resources rendered with {env.Helm.ImageKey}={tag}").ConfigureAwait(false);
        terminal.Detail(template.Output);
        return 0;
    }
}
