using Slipway.Core.Deployments;
using Slipway.Core.Rollouts;

namespace Slipway.Adapters.Configuration;

/// <summary>An environment's `rollout:`: canary steps, the chart's canary values keys, and the analysis (Prometheus, health).</summary>
public static partial class ConfigLoader
{
    /// <param name="versionKeys">The values keys the environment writes the version into (helm's image_key and digest_key, gitops.set's paths): the canary's must differ.</param>
    private static Rollout ReadRollout(YamlNodeReader rollout, IReadOnlyList<string> versionKeys, HealthCheck? health)
    {
        var stepReaders = rollout.MappingList("steps") ?? throw Missing(rollout, "steps", "the canary steps, e.g. [{ weight: 10, pause: 5m }, { weight: 100 }]");
        if (stepReaders.Count == 0)
        {
            throw YamlNodeReader.Error(rollout.File, rollout.Node("steps")!, rollout.KeyPath("steps"), "is empty", "list the steps, the last one { weight: 100 }");
        }

        var steps = new List<RolloutStep>();
        foreach (var step in stepReaders)
        {
            var weight = step.Number("weight", 1, 100) ?? throw Missing(step, "weight", "the percent of replicas on the new version, 1 to 100");
            if (steps.Count > 0 && weight <= steps[^1].Weight)
            {
                throw YamlNodeReader.Error(step.File, step.Node("weight")!, step.KeyPath("weight"), $"{weight} is not above the step before ({steps[^1].Weight})",
                    "list the weights in increasing order, ending with 100");
            }

            var pause = DurationValue(step, "pause");
            if (weight == 100 && pause is not null)
            {
                throw YamlNodeReader.Error(step.File, step.Node("pause")!, step.KeyPath("pause"), "is on the promotion (weight 100), where no analysis follows",
                    "remove it (the health check, when configured, runs after the promotion)");
            }

            step.RejectUnknownKeys();
            steps.Add(new RolloutStep(weight, pause ?? TimeSpan.Zero));
        }

        if (steps[^1].Weight != 100)
        {
            var last = stepReaders[^1];
            throw YamlNodeReader.Error(last.File, last.Where, last.Path, $"the last step's weight is {steps[^1].Weight}, not 100", "end the steps with { weight: 100 } (the promotion)");
        }

        var values = new CanaryValues();
        if (rollout.Mapping("canary_values") is { } keys)
        {
            values = new CanaryValues
            {
                WeightKey = ValuesKey(keys, "weight_key") ?? values.WeightKey,
                ImageKey = ValuesKey(keys, "image_key") ?? values.ImageKey,
                DigestKey = ValuesKey(keys, "digest_key") ?? values.DigestKey,
            };
            keys.RejectUnknownKeys();
            string[] all = [values.WeightKey, values.ImageKey, values.DigestKey, .. versionKeys.Distinct(StringComparer.Ordinal)];
            if (all.Distinct(StringComparer.Ordinal).Count() != all.Length)
            {
                throw YamlNodeReader.Error(keys.File, keys.Where, keys.Path, "two of the keys are the same (or one is a key the version is written to: helm's image_key or digest_key, gitops.set)",
                    "give the canary's weight, image and digest keys of their own, e.g. canary.weight, canary.image.tag, canary.image.digest");
            }
        }

        var analysisReader = rollout.Mapping("analysis") ?? throw Missing(rollout, "analysis", "what judges each step: prometheus: { url, query, threshold } and/or health: true");
        var analysis = new RolloutAnalysis
        {
            Prometheus = analysisReader.Mapping("prometheus") is { } prometheus ? ReadPrometheus(prometheus) : null,
            Health = analysisReader.Bool("health") ?? false,
        };
        if (analysis.Health && health is null)
        {
            throw YamlNodeReader.Error(analysisReader.File, analysisReader.Node("health")!, analysisReader.KeyPath("health"), "needs the environment's health: check",
                "add health: { url: ... } to the environment, or remove health: true");
        }

        if (analysis.Prometheus is null && !analysis.Health)
        {
            throw YamlNodeReader.Error(analysisReader.File, analysisReader.Where, analysisReader.Path, "judges nothing",
                "add prometheus: { url, query, threshold } and/or health: true");
        }

        analysisReader.RejectUnknownKeys();
        rollout.RejectUnknownKeys();
        return new Rollout { Steps = steps, Values = values, Analysis = analysis };
    }

    private static PrometheusAnalysis ReadPrometheus(YamlNodeReader prometheus)
    {
        var url = prometheus.Text("url") ?? throw Missing(prometheus, "url", "Prometheus' address, e.g. http://prometheus.monitoring:9090");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw YamlNodeReader.Error(prometheus.File, prometheus.Node("url")!, prometheus.KeyPath("url"), $"'{url}' is not an http(s) URL of Prometheus",
                "write it like http://prometheus.monitoring:9090 (Slipway adds /api/v1/query)");
        }

        var query = prometheus.Text("query");
        if (string.IsNullOrWhiteSpace(query))
        {
            throw Missing(prometheus, "query", "a PromQL query giving one value, e.g. sum(rate(http_requests_total{code=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))");
        }

        var thresholdText = prometheus.Text("threshold") ?? throw Missing(prometheus, "threshold", "what the value must meet to pass, e.g. \"< 0.01\"");
        var threshold = Threshold.Parse(thresholdText) ?? throw YamlNodeReader.Error(prometheus.File, prometheus.Node("threshold")!, prometheus.KeyPath("threshold"),
            $"'{thresholdText}' is not a threshold", "write an operator and a number, e.g. \"< 0.01\", \"<= 5\" or \"> 0.9\"");
        prometheus.RejectUnknownKeys();
        return new PrometheusAnalysis(uri, query.Trim(), threshold);
    }

    private static string? ValuesKey(YamlNodeReader reader, string key)
    {
        var text = reader.Text(key);
        return text is null || (text.Length > 0 && !text.StartsWith('-') && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '=' or ','))
            ? text
            : throw YamlNodeReader.Error(reader.File, reader.Node(key)!, reader.KeyPath(key), $"'{text}' is not a Helm values key", "use a dotted key such as canary.weight");
    }
}
