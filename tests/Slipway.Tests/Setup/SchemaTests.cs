using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.Adapters.Configuration;
using Slipway.Core.Errors;
using Slipway.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Setup;

/// <summary>
/// slipway.schema.json against the loader that reads slipway.yml: the same keys at every level, every example that loads
/// validates, every configuration the loader refuses the schema refuses too, unless listed below with the reason.
/// </summary>
public sealed partial class SchemaTests
{
    /// <summary>Every key slipway.yml can have, once: the walk below probes each mapping of it.</summary>
    private const string Everything = """
        branch: [main, "release-*", { name: next, prerelease: rc }, { name: "+([0-9]).x", range: "1.x" }]
        remote: origin
        tag:
          prefix: [v, '']
        versioning:
          initial: 1.0.0
          bump: conventional
          preset: release-please
          rules: { docs: patch, breaking: major }
          breaking_bumps_minor_before_1_0: true
          feat_bumps_patch_before_1_0: false
        image:
          name: ghcr.io/acme/app
          tags: |
            type=semver,pattern=v{{version}}
          flavor: [latest=auto]
          labels: [org.opencontainers.image.vendor=Acme]
          insecure: false
          source: "type=sha,prefix={{branch}}-"
          scan:
            run: [trivy, image, --format, json, --output, "{report}", "{image}"]
            format: trivy
            fail_on: high
            timeout: 10m
            ignore:
              - { id: CVE-2024-1234, until: 2027-01-31, reason: not reachable }
        release:
          github: { repo: acme/app }
          notes: default
          flow: pull_request
          gates: [ci_green, { name: breaking_documented, paths: [docs/migration/] }]
        environments:
          staging:
            helm:
              release: app
              chart: ./helm/app
              values: [helm/app/values-staging.yaml]
              namespace: app-staging
              create_namespace: true
              set: { replicaCount: 2 }
              image_key: image.tag
              digest_key: image.digest
              timeout: 5m
              kube_context: staging
            gates:
              - { name: integration, run: [make, integration-test] }
            health: { url: "https://staging.example.com/health", timeout: 10s, interval: 5s, retries: 5 }
            auto_rollback: true
            on_release: true
            rollout:
              steps: [{ weight: 10, pause: 5m }, { weight: 100 }]
              canary_values: { weight_key: canary.weight, image_key: canary.image.tag, digest_key: canary.image.digest }
              analysis:
                prometheus: { url: "http://prometheus:9090", query: "sum(rate(errors[5m])) / sum(rate(requests[5m]))", threshold: "< 0.01" }
                health: true
          production:
            helm: { release: app, chart: ./helm/app }
            requires: { approval: true, promoted_from: staging }
          review:
            kind: gitops
            gitops:
              repo: https://github.com/acme/deploy.git
              branch: main
              file: apps/app/values-review.yaml
              set: { image.tag: "{tag}", image.digest: "{digest}" }
              via: push
              github: acme/deploy
              argocd: { url: "https://argocd.example.com", application: app-review, token_env: ARGOCD_TOKEN, timeout: 5m, interval: 5s }
          dev:
            kind: command
            command: { run: [docker, compose, up, -d, --wait], status: [docker, compose, ps, "{environment}"], timeout: 5m }
        changelog:
          file: CHANGELOG.md
          template: keepachangelog
          contributors: true
          sections:
            - { title: Added, types: [feat] }
        bump_files:
          - { path: pyproject.toml, key: project.version }
          - { path: VERSION, pattern: '^(.*)$' }
        packages:
          - { name: api, path: packages/api, also_paths: [proto], tag: ["{name}-v{version}", "{name}@{version}"], changelog: packages/api/CHANGES.md, bump_files: [{ path: packages/api/package.json }] }
          - name: web
            path: packages/web
            versioning: { bump: conventional, preset: angular, initial: 1.0.0 }
            image: { name: ghcr.io/acme/web }
            environments:
              web-dev:
                kind: command
                command: { run: [./deploy.sh, "{version}"] }
        groups:
          - { name: all, packages: [api, web] }
        release_pr: { separate: true }
        notify:
          - { name: team-slack, kind: slack, url_env: SLACK_URL, events: [release, deploy, failure], environments: [production], timeout: 5s, template: notify/slack.liquid }
          - { name: ops-hook, kind: webhook, url_env: HOOK_URL, secret_env: HOOK_KEY }
          - name: team-mail
            kind: email
            smtp: { host: smtp.example.com, port: 587, security: starttls, user: bot, password_env: SMTP_PASSWORD, ca_file: certs/ca.pem }
            from: slipway@example.com
            to: [team@example.com]
        """;

    /// <summary>Mappings whose keys the user names (environments, commit types, Helm values): no fixed keys to compare.</summary>
    private static readonly string[] UserNamedMappings = ["environments", "versioning.rules", "environments.staging.helm.set", "environments.review.gitops.set", "packages[1].environments"];

    /// <summary>Refusals of the loader the schema cannot make, each with why (a substring of the configuration picks it).</summary>
    private static readonly Dictionary<string, string> LoaderOnly = new(StringComparer.Ordinal)
    {
        ["format=medium"] = "image tag rules are docker/metadata-action's grammar inside a string; the loader parses them, a schema pattern would copy the parser",
        ["type=bogus"] = "image tag rules: the same grammar (an unknown rule type)",
        ["latest=sometimes"] = "image flavor lines: metadata-action's grammar inside a string",
        ["promoted_from: qa"] = "promoted_from must name another key of the same file; JSON Schema cannot refer to sibling keys",
        ["promoted_from: staging }\n  staging"] = "promoted_from naming its own environment: the same cross-reference",
        ["{ name: t, run: [a] }, { name: t"] = "two gates with one name: uniqueness of one field among list items",
        ["gates: [reviewed, reviewed]"] = "release.gates listing one gate twice: the same uniqueness among list items",
        ["set: { image.tag: x }"] = "a set key equal to image_key compares two values of the file",
        ["set: { image.digest: x }"] = "a set key equal to digest_key: the same comparison",
        ["digest_key: image.tag"] = "digest_key equal to image_key: the same comparison",
        ["pattern: 'no group'"] = "bump_files patterns must be regular expressions with one capture group: regex semantics",
        ["pattern: '(a)(b)'"] = "the same: two capture groups",
        ["pattern: '(['"] = "the same: not a regular expression",
        [">=2.0.0 <1.0.0"] = "a range's bounds in order compares two versions of the value",
        ["name: \"beta-*\", prerelease: true"] = "prerelease: true takes the name as the identifier, so a glob name is refused: a condition between two values",
        ["packages: [angular, docs]"] = "a group names packages of the same file: a cross-reference JSON Schema cannot make",
        ["packages: [nope]"] = "the same: a group naming a package that is not there",
        ["tag: \"core-v{version}\""] = "two packages whose tag namings read as each other's: a condition between two items",
        ["path: packages/core/inner"] = "a package path inside another's: a condition between two items",
    };

    /// <summary>Configurations the loader refuses, one per refusal it makes (the harvest below also checks every other test's).</summary>
    private static readonly string[] Refused =
    [
        "brnch: main\n",
        "branch: \"a..b\"\n",
        "branch: []\n",
        "branch: [main, \"a..*\"]\n",
        "branch: [\"@(a|b)\"]\n",
        "branch: [{ range: 1.x }]\n",
        "branch: [{ name: \"1.x\", range: \"1.x.y\" }]\n",
        "branch: [{ name: \"1.x\", range: \">=2.0.0 <1.0.0\" }]\n",
        "branch: [{ name: next, prerelease: \"r.c\" }]\n",
        "branch: [{ name: \"beta-*\", prerelease: true }]\n",
        "branch: [{ name: next, channel: next }]\n",
        "remote: a/b\n",
        "packages:\n  - { path: a }\n",
        "packages:\n  - { name: a }\n",
        "packages:\n  - { name: a, path: a, tag: \"{name}\" }\n",
        "packages:\n  - { name: a, path: a, colour: red }\n",
        "groups:\n  - { name: g, packages: [nope] }\n",
        "packages:\n  - { name: angular, path: a }\ngroups:\n  - { name: g, packages: [angular, docs] }\n",
        "packages:\n  - { name: core, path: a }\n  - { name: b, path: b, tag: \"core-v{version}\" }\n",
        "packages:\n  - { name: core, path: packages/core }\n  - { name: inner, path: packages/core/inner }\n",
        "release_pr: { separate: maybe }\n",
        "release_pr: { together: true }\n",
        "release:\n  gates: [all_green]\n",
        "release:\n  gates: ci_green\n",
        "release:\n  gates: [{ name: ci_green, run: [make] }]\n",
        "release:\n  gates: [{ name: reviewed, paths: [docs/] }]\n",
        "release:\n  gates: [{ name: smoke }]\n",
        "release:\n  gates: [reviewed, reviewed]\n",
        "release:\n  gates: [{ name: breaking_documented, paths: [/etc/] }]\n",
        "tag: v\n",
        "tag:\n  prefix: []\n",
        "tag:\n  prefix: \"-v\"\n",
        "versioning:\n  initial: \"1.0\"\n",
        "versioning:\n  bump: sometimes\n",
        "versioning:\n  preset: semantic\n",
        "versioning:\n  rules: { feat: big }\n",
        "versioning:\n  rules: { \"fe at\": minor }\n",
        "versioning:\n  rules: [feat]\n",
        "versioning:\n  breaking_bumps_minor_before_1_0: maybe\n",
        "image:\n  name: a\n  names: [b]\n",
        "image:\n  name: \"a b\"\n",
        "image:\n  tags: \"type=sha,format=medium\"\n",
        "image:\n  tags: \"type=bogus\"\n",
        "image:\n  flavor: \"latest=sometimes\"\n",
        "image:\n  insecure: perhaps\n",
        "image:\n  source: \"type=bogus\"\n",
        "image:\n  source: \"type=sha\\ntype=ref,event=tag\"\n",
        "image:\n  source: [type=sha]\n",
        "image:\n  scan: { run: [trivy] }\n",
        "image:\n  name: a/b\n  scan: { format: trivy }\n",
        "image:\n  name: a/b\n  scan: { run: \"trivy image\" }\n",
        "image:\n  name: a/b\n  scan: { run: [trivy, \"{imgae}\"] }\n",
        "image:\n  name: a/b\n  scan: { run: [trivy], format: cyclonedx }\n",
        "image:\n  name: a/b\n  scan: { run: [trivy], fail_on: severe }\n",
        "image:\n  name: a/b\n  scan: { run: [trivy], timeout: soon }\n",
        "image:\n  name: a/b\n  scan: { run: [trivy], ignore: [ { id: CVE-1 } ] }\n",
        "image:\n  name: a/b\n  scan: { run: [trivy], ignore: [ { until: 2027-01-31 } ] }\n",
        "image:\n  name: a/b\n  scan: { run: [trivy], ignore: [ { id: CVE-1, until: soon } ] }\n",
        "image:\n  name: a/b\n  scan: { run: [trivy], ignore: [ { id: CVE-1, until: 2027-01-31, why: x } ] }\n",
        "release:\n  github: { repo: \"not a repo\" }\n",
        "release:\n  github: { repository: acme/app }\n",
        "release:\n  github: yes\n",
        "release:\n  notes: notes.txt\n",
        "release:\n  flow: pullrequest\n",
        "changelog:\n  template: fancy\n",
        "changelog:\n  file: /etc/passwd\n",
        "changelog:\n  file: ../outside.md\n",
        "changelog:\n  sections: [ { title: Added } ]\n",
        "changelog:\n  sections: [ { title: \" \", types: [feat] } ]\n",
        "changelog:\n  contributors: often\n",
        "bump_files:\n  - { key: version }\n",
        "bump_files:\n  - { path: a.toml }\n",
        "bump_files:\n  - { path: VERSION }\n",
        "bump_files:\n  - { path: a.json, key: version, pattern: '(x)' }\n",
        "bump_files:\n  - { path: VERSION, pattern: 'no group' }\n",
        "bump_files:\n  - { path: VERSION, pattern: '(a)(b)' }\n",
        "bump_files:\n  - { path: VERSION, pattern: '([' }\n",
        "environments:\n  staging:\n    on_release: true\n",
        "environments:\n  \"bad name\":\n    helm: { release: a, chart: c }\n",
        "environments:\n  staging: yes\n",
        "environments:\n  staging:\n    helm: { release: A, chart: c }\n",
        "environments:\n  staging:\n    helm: { release: a }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: \"--x\" }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c, timeout: soon }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c, namespace: Bad_NS }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c, set: { image.tag: x } }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c, set: { \"a b\": x } }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c, set: { image.digest: x } }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c, digest_key: image.tag }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c, digest_key: \"a b\" }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c, set: { a: [1] } }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c, values: [\"-f\"] }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    gates: [ { name: t, run: \"make test\" } ]\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    gates: [ { name: t, run: [a] }, { name: t, run: [b] } ]\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    gates: [ { run: [a] } ]\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    health: { url: \"ftp://x/health\" }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    health: { url: \"http://x\", run: [\"true\"] }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    health: { timeout: 5s }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    health: { url: \"http://x\", interval: 0s }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    health: { url: \"http://x\", retries: 5000 }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    requires: { promoted_from: qa }\n",
        "environments:\n  production:\n    helm: { release: a, chart: c }\n    requires: { promoted_from: staging }\n  staging:\n    helm: { release: a, chart: c }\n    requires: { promoted_from: staging }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    requires: { aproval: true }\n",
        "environments:\n  staging:\n    helm: { release: a, chart: c }\n    auto_rollback: maybe\n",
    ];

    private static string SchemaFile => SourceTree.Path("slipway.schema.json");

    private static readonly JsonObject Schema = (JsonObject)JsonNode.Parse(File.ReadAllText(SourceTree.Path("slipway.schema.json")))!;

    /// <summary>Keys that cannot stand beside their alternative in one configuration (name or names; url or run).</summary>
    private static readonly string[] Alternatives = ["names", "run", "kustomize", "flux"];

    [Fact]
    public void Slipway_schema_prints_the_draft_2020_12_schema_that_ships_at_the_repository_root()
    {
        using var dir = new TempDirectory();
        var result = SlipwayCli.Run(dir.Path, "schema");
        Expect.Success(result);
        Assert.Equal(File.ReadAllText(SchemaFile), result.StandardOutput);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)JsonNode.Parse(result.StandardOutput)!["$schema"]);
    }

    [Fact]
    public void The_schema_has_exactly_the_keys_the_loader_reads_at_every_level()
    {
        Assert.Empty(Disagreements([Everything]));
        var problems = new List<string>();
        var root = YamlJson.Mapping(Everything)!;
        var written = new Dictionary<JsonObject, (string Path, HashSet<string> Keys)>(ReferenceEqualityComparer.Instance);
        foreach (var (path, mapping) in Mappings(root, string.Empty))
        {
            var schema = SchemaAt(Schema, path) ?? throw new InvalidOperationException($"the schema has no object at '{path}'");
            var schemaKeys = ((JsonObject?)schema["properties"])?.Select(p => p.Key).Except(ForbiddenHere(schema, mapping)).Order(StringComparer.Ordinal).ToList() ?? [];
            var loaderKeys = LoaderKeys(root, mapping, path);
            problems.AddRange(loaderKeys.Except(schemaKeys).Select(k => $"the loader reads '{Join(path, k)}' and the schema lacks it: add it to slipway.schema.json"));
            problems.AddRange(schemaKeys.Except(loaderKeys).Select(k => $"the schema has '{Join(path, k)}' and the loader does not read it"));
            if (!written.TryGetValue(schema, out var seen))
            {
                written[schema] = seen = (path, new HashSet<string>(StringComparer.Ordinal));
            }

            seen.Keys.UnionWith(mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        }

        foreach (var (schema, (path, keys)) in written)
        {
            problems.AddRange(((JsonObject?)schema["properties"])?.Select(p => p.Key).Where(k => !keys.Contains(k) && !Alternatives.Contains(k))
                .Select(k => $"'{Join(path, k)}' is missing from this test's Everything configuration, so the keys under it are not compared") ?? []);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_configuration_example_in_the_README_loads_and_validates()
    {
        var readme = File.ReadAllText(SourceTree.Path("README.md"));
        var rootKeys = ((JsonObject)Schema["properties"]!).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var examples = YamlBlock().Matches(readme).Select(m => m.Groups["yaml"].Value)
            .Where(yaml => TryMapping(yaml) is { } mapping && mapping.Children.Keys.Any(k => rootKeys.Contains(((YamlScalarNode)k).Value!)))
            .ToList();
        Assert.True(examples.Count >= 4, $"only {examples.Count} configuration examples were found in README.md");
        foreach (var yaml in examples)
        {
            ConfigLoader.Parse(yaml, "slipway.yml");
        }

        Assert.Empty(Disagreements(examples));
    }

    [Fact]
    public void Each_configuration_the_loader_refuses_the_schema_refuses_or_the_reason_is_listed()
    {
        foreach (var yaml in Refused)
        {
            Assert.Throws<SlipwayException>(() => ConfigLoader.Parse(yaml, "slipway.yml"));
        }

        Assert.Empty(Disagreements(Refused));
        var unused = LoaderOnly.Keys.Where(k => !Refused.Any(r => r.Contains(k, StringComparison.Ordinal))).ToList();
        Assert.True(unused.Count == 0, "listed differences no case uses: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_configuration_written_in_the_tests_gets_the_same_verdict_from_the_loader_and_the_schema()
    {
        var rootKeys = ((JsonObject)Schema["properties"]!).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var configurations = Directory.EnumerateFiles(SourceTree.Path("tests"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => CSharpStrings.In(File.ReadAllText(file)))
            .Where(text => text.Contains(':', StringComparison.Ordinal) && TryMapping(text) is { } mapping
                && mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: { } key } && rootKeys.Contains(key)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(configurations.Count >= 50, $"only {configurations.Count} configurations were found in the tests");
        var problems = Disagreements(configurations);
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    /// <summary>Each configuration on which the loader and the schema disagree and no listed reason explains it.</summary>
    private static List<string> Disagreements(IReadOnlyList<string> configurations)
    {
        var documents = configurations.Select(YamlJson.Convert).ToList();
        var verdicts = NodeChecks.Validate(SchemaFile, documents);
        var problems = new List<string>();
        for (var i = 0; i < configurations.Count; i++)
        {
            string? refusal = null;
            try
            {
                ConfigLoader.Parse(configurations[i], "slipway.yml");
            }
            catch (SlipwayException e)
            {
                refusal = e.Error.OneLine();
            }

            var schemaAccepts = verdicts[i].Count == 0;
            if (refusal is null && !schemaAccepts)
            {
                problems.Add($"the loader accepts and the schema refuses ({string.Join("; ", verdicts[i])}):\n{configurations[i]}");
            }
            else if (refusal is not null && schemaAccepts && !LoaderOnly.Keys.Any(k => configurations[i].Contains(k, StringComparison.Ordinal)))
            {
                problems.Add($"the loader refuses ({refusal}) and the schema accepts:\n{configurations[i]}");
            }
        }

        return problems;
    }

    /// <summary>The keys the loader asks for in the mapping at <paramref name="path"/>: an unknown key there is refused with the list of them.</summary>
    /// <summary>The keys a conditional of the schema (allOf: if a key has this value, then these properties: false) rules out for
    /// this mapping: a notifier's keys depend on its kind.</summary>
    private static IEnumerable<string> ForbiddenHere(JsonObject schema, YamlMappingNode mapping)
    {
        foreach (var condition in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var required = (condition["if"]?["properties"] as JsonObject ?? []).All(p =>
                mapping.Children.TryGetValue(new YamlScalarNode(p.Key), out var value) && value is YamlScalarNode scalar
                && scalar.Value == (string?)p.Value?["const"]);
            if (required && condition["then"]?["properties"] is JsonObject properties)
            {
                foreach (var property in properties.Where(p => p.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.False))
                {
                    yield return property.Key;
                }
            }
        }
    }

    private static List<string> LoaderKeys(YamlMappingNode root, YamlMappingNode mapping, string path)
    {
        var probe = new YamlScalarNode("zz_probe");
        mapping.Children.Add(probe, new YamlScalarNode("1"));
        try
        {
            var text = new StringWriter();
            new YamlStream(new YamlDocument(root)).Save(text, assignAnchors: false);
            var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse(text.ToString(), "slipway.yml")).Error;
            Assert.Contains($"{Join(path, "zz_probe")}: unknown key", error.Message, StringComparison.Ordinal);
            var list = error.Fix!["remove it or use one of: ".Length..];
            return list.Split(", ").Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            mapping.Children.Remove(probe);
        }
    }

    /// <summary>Every mapping of the configuration with fixed keys, with its loader path (environments.staging.gates[0]).</summary>
    private static IEnumerable<(string Path, YamlMappingNode Mapping)> Mappings(YamlNode node, string path)
    {
        if (node is YamlMappingNode mapping)
        {
            if (!UserNamedMappings.Contains(path, StringComparer.Ordinal))
            {
                yield return (path, mapping);
            }

            foreach (var (key, value) in mapping.Children.ToList())
            {
                foreach (var inner in Mappings(value, Join(path, ((YamlScalarNode)key).Value!)))
                {
                    yield return inner;
                }
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                foreach (var inner in Mappings(sequence.Children[i], $"{path}[{i}]"))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The object schema (with properties) that applies at a loader path, following $ref, oneOf, items and additionalProperties.</summary>
    private static JsonObject? SchemaAt(JsonObject schema, string path)
    {
        JsonObject? current = schema;
        foreach (Match segment in PathSegment().Matches(path))
        {
            current = Resolve(current);
            if (current is null)
            {
                return null;
            }

            current = segment.Groups["index"].Success
                ? Resolve(Branch(current, "items"))?["items"] as JsonObject ?? Branch(current, "items")?["items"] as JsonObject
                : ((current["properties"] as JsonObject)?[segment.Groups["key"].Value] as JsonObject)
                  ?? current["additionalProperties"] as JsonObject;
        }

        return Resolve(current);
    }

    /// <summary>Follows $ref and, in oneOf/anyOf, picks the branch that has <paramref name="keyword"/>.</summary>
    private static JsonObject? Branch(JsonObject? schema, string keyword)
    {
        schema = Resolve(schema);
        if (schema is null || schema.ContainsKey(keyword))
        {
            return schema;
        }

        return new[] { "oneOf", "anyOf" }.SelectMany(k => (schema[k] as JsonArray) ?? []).Select(b => Resolve(b as JsonObject)).FirstOrDefault(b => b?.ContainsKey(keyword) == true);
    }

    private static JsonObject? Resolve(JsonObject? schema)
    {
        while (schema?["$ref"] is JsonValue reference && !schema.ContainsKey("properties"))
        {
            // A JSON pointer into the schema: #/$defs/bumpFile, #/properties/image.
            JsonNode node = Schema;
            foreach (var part in ((string)reference!)["#/".Length..].Split('/'))
            {
                node = node[part]!;
            }

            schema = (JsonObject)node;
        }

        if (schema is not null && !schema.ContainsKey("properties") && !schema.ContainsKey("items") && !schema.ContainsKey("additionalProperties"))
        {
            return Branch(schema, "properties") ?? schema;
        }

        return schema;
    }

    private static YamlMappingNode? TryMapping(string yaml)
    {
        try
        {
            return YamlJson.Mapping(yaml);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or ArgumentException)
        {
            // Not a YAML document (YamlDotNet says so with ArgumentException for some event sequences): not a configuration.
            return null;
        }
        catch (ArgumentException)
        {
            // YamlDotNet's representation model refuses some texts with this instead (a Markdown table's "| a |" lines): not a configuration either.
            return null;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    [GeneratedRegex("```yaml\\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"(?<key>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
