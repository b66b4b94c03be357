using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Tests.Fixtures.GitHub;

namespace Slipway.Tests.Fixtures;

/// <summary>What the GitHub double does for each operation: releases and assets kept in memory, as GitHub behaves.</summary>
public sealed partial class GitHubApi
{
    private readonly List<FakeRelease> _releases = [];
    private long _nextId = 1000;
    private long? _latestId;

    /// <summary>A release that exists before the test runs (made as GitHub would: published releases may become Latest).</summary>
    public FakeRelease AddRelease(string tag, string body = "", bool draft = false, bool prerelease = false, bool latest = true)
    {
        lock (_lock)
        {
            var release = new FakeRelease { Id = ++_nextId, TagName = tag, Name = tag, Body = body, Draft = draft, Prerelease = prerelease };
            _releases.Add(release);
            if (latest && !draft && !prerelease)
            {
                _latestId = release.Id;
            }

            return release;
        }
    }

    public void AddAsset(FakeRelease release, string name, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(release);
        lock (_lock)
        {
            release.Assets.Add(new FakeAsset(++_nextId, name, "application/octet-stream", content));
        }
    }

    private (int Status, JsonNode? Body) Operate(string operationId, Dictionary<string, string> path, HttpListenerRequest request, JsonElement? body, byte[] bytes)
    {
        FakeRelease? ById() => long.TryParse(path.GetValueOrDefault("release_id"), CultureInfo.InvariantCulture, out var id) ? _releases.FirstOrDefault(r => r.Id == id) : null;
        (FakeRelease Release, FakeAsset Asset)? AssetById()
        {
            var id = long.Parse(path["asset_id"], CultureInfo.InvariantCulture);
            return _releases.SelectMany(r => r.Assets.Select(a => (r, a))).Cast<(FakeRelease, FakeAsset)?>().FirstOrDefault(p => p!.Value.Item2.Id == id);
        }

        switch (operationId)
        {
            case "repos/get":
                return (200, RepositoryJson());
            case "repos/list-releases":
                var perPage = int.Parse(request.QueryString["per_page"] ?? "30", CultureInfo.InvariantCulture);
                var page = int.Parse(request.QueryString["page"] ?? "1", CultureInfo.InvariantCulture);
                // Newest first, as GitHub lists them.
                return (200, new JsonArray([.. _releases.AsEnumerable().Reverse().Skip((page - 1) * perPage).Take(perPage).Select(ReleaseJson)]));
            case "repos/get-release-by-tag":
                var byTag = _releases.FirstOrDefault(r => r.TagName == path["tag"] && !r.Draft); // drafts are not found by tag
                return byTag is null ? (404, Error("Not Found")) : (200, ReleaseJson(byTag));
            case "repos/get-release":
                return ById() is { } found ? (200, ReleaseJson(found)) : (404, Error("Not Found"));
            case "repos/create-release":
                var tag = body!.Value.GetProperty("tag_name").GetString()!;
                if (_releases.Any(r => r.TagName == tag))
                {
                    return (422, new JsonObject
                    {
                        ["message"] = "Validation Failed",
                        ["documentation_url"] = "https://docs.github.com/rest/releases/releases#create-a-release",
                        ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Release", ["code"] = "already_exists", ["field"] = "tag_name" }),
                    });
                }

                var created = new FakeRelease { Id = ++_nextId, TagName = tag };
                _releases.Add(created);
                Apply(created, body.Value, creating: true);
                return (201, ReleaseJson(created));
            case "repos/update-release":
                if (ById() is not { } updated)
                {
                    return (404, Error("Not Found"));
                }

                Apply(updated, body ?? default, creating: false);
                return (200, ReleaseJson(updated));
            case "repos/delete-release":
                return ById() is { } deleted && _releases.Remove(deleted) ? (204, null) : (404, Error("Not Found"));
            case "repos/list-release-assets":
                var assetsOf = ById();
                return (200, new JsonArray([.. (assetsOf?.Assets ?? []).Select(AssetJson)]));
            case "repos/upload-release-asset":
                if (ById() is not { } target)
                {
                    return (404, Error("Not Found"));
                }

                var name = request.QueryString["name"]!;
                if (target.Assets.Any(a => a.Name == name))
                {
                    return (422, Validation("name", "already_exists"));
                }

                var asset = new FakeAsset(++_nextId, name, request.ContentType!, bytes);
                target.Assets.Add(asset);
                return (201, AssetJson(asset));
            case "repos/get-release-asset":
                return AssetById() is { } pair ? (200, AssetJson(pair.Asset)) : (404, Error("Not Found"));
            case "repos/delete-release-asset":
                if (AssetById() is not { } gone)
                {
                    return (404, Error("Not Found"));
                }

                gone.Release.Assets.Remove(gone.Asset);
                return (204, null);
            case "pulls/list" or "pulls/create" or "pulls/update" or "issues/add-labels" or "issues/set-labels":
                return OperatePulls(operationId, path, request, body);
            case "checks/list-for-ref" or "repos/get-combined-status-for-ref" or "repos/list-pull-requests-associated-with-commit" or "pulls/list-reviews":
                return OperateChecks(operationId, path, request);
            default:
                _violations.Add($"the double does not play {operationId} (Slipway should not need it)");
                return (404, Error("Not Found"));
        }
    }

    private void Apply(FakeRelease release, JsonElement body, bool creating)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (body.TryGetProperty("tag_name", out var tag))
        {
            release.TagName = tag.GetString()!;
        }

        if (body.TryGetProperty("name", out var name))
        {
            release.Name = name.GetString();
        }

        if (body.TryGetProperty("body", out var text))
        {
            release.Body = text.GetString();
        }

        if (body.TryGetProperty("draft", out var draft))
        {
            release.Draft = draft.GetBoolean();
        }

        if (body.TryGetProperty("prerelease", out var prerelease))
        {
            release.Prerelease = prerelease.GetBoolean();
        }

        // make_latest defaults to "true" for new published releases; drafts and prereleases cannot be Latest.
        var makeLatest = body.TryGetProperty("make_latest", out var latest) ? latest.GetString() : creating ? "true" : null;
        if (makeLatest == "true" && !release.Draft && !release.Prerelease)
        {
            _latestId = release.Id;
        }
        else if (_latestId == release.Id && (release.Draft || release.Prerelease))
        {
            _latestId = null;
        }
    }

    private JsonObject RepositoryJson()
    {
        var repo = SchemaExample.For(_contract, _contract.Schema("full-repository"))!.AsObject();
        repo["name"] = Name;
        repo["full_name"] = Repository;
        repo["default_branch"] = "main";
        repo["html_url"] = $"https://github.invalid/{Repository}";
        // What the token may do (full-repository.permissions): a read-only token sees push: false.
        repo["permissions"] = new JsonObject { ["admin"] = false, ["maintain"] = false, ["push"] = CanPush, ["triage"] = CanPush, ["pull"] = true };
        return repo;
    }

    private JsonObject ReleaseJson(FakeRelease release)
    {
        var json = SchemaExample.For(_contract, _contract.Schema("release"))!.AsObject();
        var url = FormattableString.Invariant($"{ApiUrl}repos/{Repository}/releases/{release.Id}");
        json["id"] = release.Id;
        json["url"] = url;
        json["assets_url"] = url + "/assets";
        json["upload_url"] = FormattableString.Invariant($"{UploadsUrl}repos/{Repository}/releases/{release.Id}/assets{{?name,label}}");
        json["html_url"] = $"https://github.invalid/{Repository}/releases/tag/{Uri.EscapeDataString(release.TagName)}";
        json["tag_name"] = release.TagName;
        json["target_commitish"] = "main";
        json["name"] = release.Name;
        json["body"] = release.Body;
        json["draft"] = release.Draft;
        json["prerelease"] = release.Prerelease;
        json["published_at"] = release.Draft ? null : "2026-01-01T00:00:00Z";
        json["assets"] = new JsonArray([.. release.Assets.Select(AssetJson)]);
        return json;
    }

    private JsonObject AssetJson(FakeAsset asset)
    {
        var json = SchemaExample.For(_contract, _contract.Schema("release-asset"))!.AsObject();
        json["id"] = asset.Id;
        json["name"] = asset.Name;
        json["size"] = asset.Content.Length;
        json["state"] = asset.State;
        json["content_type"] = asset.ContentType;
        json["url"] = FormattableString.Invariant($"{ApiUrl}repos/{Repository}/releases/assets/{asset.Id}");
        json["browser_download_url"] = $"https://github.invalid/{Repository}/releases/download/{asset.Name}";
        return json;
    }
}
