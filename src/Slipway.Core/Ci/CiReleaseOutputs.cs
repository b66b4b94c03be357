using System.Text.Json.Nodes;

namespace Slipway.Core.Ci;

/// <summary>
/// `ci release`'s step outputs in a monorepo, where one run may release several packages (a merged release pull request's tags):
/// each package's keys prefixed with its name (`core--version`, `core--tag`, ..., as release-please-action prefixes a path's),
/// `releases`, a JSON list of every package release of the run, and `released`, true when any of them changed something.
/// The keys without a prefix name the release as in a single-package repository only when the run releases one package.
/// </summary>
public static class CiReleaseOutputs
{
    /// <summary>The outputs after one more package release: written after each, so a failure further on keeps what the others did
    /// (a key written again replaces its value).</summary>
    /// <param name="done">The run's package releases so far, in order; the last one is the one just reported.</param>
    /// <param name="alone">Whether the run releases this package only (a package tag's push, or one tag merged).</param>
    public static IReadOnlyList<KeyValuePair<string, string>> After(IReadOnlyList<(string Package, CiReleaseReport Report)> done, bool alone)
    {
        ArgumentNullException.ThrowIfNull(done);
        var (package, report) = done[^1];
        var own = report.Outputs();
        var outputs = new List<KeyValuePair<string, string>>(alone ? own : [new("released", done.Any(d => d.Report.Released) ? "true" : "false")]);
        outputs.AddRange(own.Select(o => new KeyValuePair<string, string>($"{package}--{o.Key}", o.Value)));
        outputs.Add(new("releases", Json(done)));
        return outputs;
    }

    /// <summary>`[{"package":"core","version":"1.0.1","tag":"core-v1.0.1","released":true,"release_url":..,"image_tags":[..],"deployed":[..]}]`.</summary>
    public static string Json(IReadOnlyList<(string Package, CiReleaseReport Report)> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        var list = new JsonArray();
        foreach (var (package, report) in done)
        {
            list.Add((JsonNode)new JsonObject
            {
                ["package"] = package,
                ["version"] = report.Version,
                ["tag"] = report.Tag,
                ["released"] = report.Released,
                ["release_url"] = report.ReleaseUrl,
                ["image_tags"] = new JsonArray([.. report.Image is null ? [] : report.ImageTags.Select(t => (JsonNode?)JsonValue.Create($"{report.Image}:{t}"))]),
                ["deployed"] = new JsonArray([.. report.Deployed.Select(e => (JsonNode?)JsonValue.Create(e))]),
            });
        }

        return list.ToJsonString();
    }
}
