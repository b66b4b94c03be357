using Slipway.Tests.Fixtures;

namespace Slipway.Tests.ImageRegistry;

/// <summary>`slipway image promote` through the real CLI against the real registry, read back with skopeo.</summary>
public sealed class ImagePromoteTests : IDisposable
{
    private readonly TempDirectory _home = new("slipway-home");

    [Fact]
    public void Promote_gives_the_version_its_four_tags_on_the_same_digest()
    {
        using var registry = new Registry();
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());

        var result = Promote(registry, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0");

        Assert.Equal(0, result.ExitCode);
        string[] tags = ["v1.3.0", "v1.3", "v1", "latest"];
        Assert.Equal(tags.Select(t => $"{registry.Host}/app:{t} {digest} added"), Lines(result.StandardOutput));
        foreach (var tag in tags)
        {
            Assert.Equal(digest, Skopeo.InspectDigest($"{registry.Host}/app:{tag}"));
            Assert.Equal(digest, Skopeo.Digest($"{registry.Host}/app:{tag}"));
        }

        Assert.Equal(["latest", "main-abc1234", "v1", "v1.3", "v1.3.0"], registry.Tags("app").Order(StringComparer.Ordinal));
        Assert.Equal($"promoted image {registry.Host}/app@{digest} to 1.3.0: 4 added; 6 HTTP requests, no blob transferred", result.StandardError.Trim());
    }

    [Fact]
    public void Promotion_uploads_no_blob_and_puts_one_manifest_per_new_tag()
    {
        using var registry = new Registry();
        registry.Push("app", "main-abc1234", OciImage.Create());
        var before = registry.AccessLog().Count;

        var result = Promote(registry, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0");

        var during = registry.AccessLog().Skip(before).ToList();
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(during, l => l.Contains("/blobs/", StringComparison.Ordinal));
        Assert.Equal(4, during.Count(l => l.Contains("\"PUT /v2/app/manifests/", StringComparison.Ordinal)));
        // The count Slipway reports is the count the registry saw.
        Assert.Contains($"; {during.Count} HTTP requests", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Promoting_again_changes_nothing_and_says_each_tag_is_already_there()
    {
        using var registry = new Registry();
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());
        Assert.Equal(0, Promote(registry, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0").ExitCode);
        var before = registry.AccessLog().Count;

        var again = Promote(registry, $"{registry.Host}/app@{digest}", "--version", "1.3.0");

        Assert.Equal(0, again.ExitCode);
        Assert.All(Lines(again.StandardOutput), l => Assert.EndsWith($" {digest} already there", l, StringComparison.Ordinal));
        // GET manifest, GET tag list, and one HEAD per listed tag; no PUT.
        Assert.EndsWith("to 1.3.0: 4 already there; 6 HTTP requests, no blob transferred", again.StandardError.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, registry.AccessLog().Skip(before).Count(l => l.Contains("\"PUT ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_two_platform_index_is_promoted_as_the_index_and_keeps_its_digest()
    {
        using var registry = new Registry();
        var index = registry.PushIndex("app", "main-abc1234", OciImage.Create("amd64\n", "amd64"), OciImage.Create("arm64\n", "arm64"));

        var result = Promote(registry, $"{registry.Host}/app:main-abc1234", "--version", "2.0.0");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"promoted index {registry.Host}/app@{index} to 2.0.0: 4 added", result.StandardError, StringComparison.Ordinal);
        foreach (var tag in new[] { "v2.0.0", "v2.0", "v2", "latest" })
        {
            Assert.Equal(index, Skopeo.Digest($"{registry.Host}/app:{tag}"));
        }
    }

    [Fact]
    public void A_docker_v2s2_image_keeps_its_digest()
    {
        using var registry = new Registry();
        var digest = registry.Push("app", "main-abc1234", OciImage.Create(docker: true));

        var result = Promote(registry, $"{registry.Host}/app:main-abc1234", "--version", "1.0.0");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(digest, Skopeo.InspectDigest($"{registry.Host}/app:v1.0.0"));
    }

    [Fact]
    public void Patch_on_an_older_line_does_not_move_v1_or_latest()
    {
        using var registry = new Registry();
        var newer = registry.Push("app", "main-1111111", OciImage.Create("1.3.0\n"));
        Assert.Equal(0, Promote(registry, $"{registry.Host}/app:main-1111111", "--version", "1.3.0").ExitCode);
        var older = registry.Push("app", "main-2222222", OciImage.Create("1.2.5\n"));

        var result = Promote(registry, $"{registry.Host}/app:main-2222222", "--version", "1.2.5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([$"{registry.Host}/app:v1.2.5 {older} added", $"{registry.Host}/app:v1.2 {older} added"], Lines(result.StandardOutput));
        Assert.Contains("latest not given: 1.3.0 is higher", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(newer, Skopeo.Digest($"{registry.Host}/app:v1"));
        Assert.Equal(newer, Skopeo.Digest($"{registry.Host}/app:latest"));
        Assert.Equal(newer, Skopeo.Digest($"{registry.Host}/app:v1.3"));
    }

    [Fact]
    public void A_newer_patch_moves_the_floating_tags_forward()
    {
        using var registry = new Registry();
        var first = registry.Push("app", "main-1111111", OciImage.Create("1.3.0\n"));
        Assert.Equal(0, Promote(registry, $"{registry.Host}/app:main-1111111", "--version", "1.3.0").ExitCode);
        var second = registry.Push("app", "main-2222222", OciImage.Create("1.3.1\n"));

        var result = Promote(registry, $"{registry.Host}/app:main-2222222", "--version", "1.3.1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [$"{registry.Host}/app:v1.3.1 {second} added", .. new[] { "v1.3", "v1", "latest" }.Select(t => $"{registry.Host}/app:{t} {second} moved from {first[..19]}")],
            Lines(result.StandardOutput));
        Assert.Equal(first, Skopeo.Digest($"{registry.Host}/app:v1.3.0"));
    }

    [Fact]
    public void The_tag_rules_of_slipway_yml_decide_the_tags()
    {
        using var registry = new Registry();
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());
        File.WriteAllText(_home.Combine("slipway.yml"), """
            image:
              tags: |
                type=semver,pattern={{version}}
                type=semver,pattern={{major}}.{{minor}}
                type=raw,value=stable
              flavor: [latest=false]
            """);

        var result = Promote(registry, $"{registry.Host}/app:main-abc1234", "--version", "v2.1.0");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { "2.1.0", "2.1", "stable" }.Select(t => $"{registry.Host}/app:{t} {digest} added"), Lines(result.StandardOutput));
        Assert.Equal(["2.1", "2.1.0", "main-abc1234", "stable"], registry.Tags("app").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dry_run_shows_the_tags_and_changes_nothing()
    {
        using var registry = new Registry();
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());

        var result = Promote(registry, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { "v1.3.0", "v1.3", "v1", "latest" }.Select(t => $"{registry.Host}/app:{t} {digest} would add"), Lines(result.StandardOutput));
        Assert.Equal(["main-abc1234"], registry.Tags("app"));
    }

    [Fact]
    public void Json_lists_every_tag_with_its_status_and_the_request_count()
    {
        using var registry = new Registry();
        var digest = registry.Push("app", "main-abc1234", OciImage.Create());

        var result = Promote(registry, $"{registry.Host}/app:main-abc1234", "--version", "1.3.0", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(digest, root.GetProperty("digest").GetString());
        Assert.Equal("1.3.0", root.GetProperty("version").GetString());
        Assert.Equal(OciImage.OciManifestType, root.GetProperty("mediaType").GetString());
        Assert.Equal(["v1.3.0", "v1.3", "v1", "latest"], root.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("tag").GetString()));
        Assert.All(root.GetProperty("tags").EnumerateArray(), t => Assert.Equal("added", t.GetProperty("status").GetString()));
        Assert.Equal(6, root.GetProperty("requests").GetInt32());
    }

    [Fact]
    public void A_missing_source_image_is_a_precondition_failure()
    {
        using var registry = new Registry();

        var result = Promote(registry, $"{registry.Host}/app:main-0000000", "--version", "1.3.0");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"slipway: image {registry.Host}/app:main-0000000 not found in the registry; push it first (e.g. the CI build's main-<sha> tag), or check the name and tag", result.StandardError.Trim());
    }

    [Theory]
    [MemberData(nameof(HostileInputs.RefNameCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_tag_or_version_is_one_line_and_never_echoed_raw(int index)
    {
        var name = HostileInputs.RefNames[index];
        // Port 1 has nothing listening. Only a name that is a valid Docker tag ("a..b") gets as far as a request (exit 1).
        var asTag = Run(null, "image", "promote", $"127.0.0.1:1/app:{name}", "--version", "1.0.0");
        var asVersion = Run(null, "image", "promote", "127.0.0.1:1/app:main-abc1234", "--version", name);

        Expect.OneLineError(asTag, Slipway.Core.Images.ImageReference.IsValidTag(name) ? 1 : 2);
        Expect.OneLineError(asVersion, 2, "is not a version");
        Assert.Empty(asTag.StandardOutput + asVersion.StandardOutput);
        Assert.DoesNotContain("\n", asVersion.StandardError.TrimEnd('\n'), StringComparison.Ordinal);
    }

    public void Dispose() => _home.Dispose();

    internal RunResult Promote(Registry registry, params string[] arguments) => Run(null, ["image", "promote", .. arguments]);

    internal RunResult Run(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var env = new Dictionary<string, string?> { ["HOME"] = _home.Path, ["DOCKER_CONFIG"] = null, ["REGISTRY_USERNAME"] = null, ["REGISTRY_PASSWORD"] = null };
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            env[k] = v;
        }

        return SlipwayCli.Run(_home.Path, env, null, arguments);
    }

    internal static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
