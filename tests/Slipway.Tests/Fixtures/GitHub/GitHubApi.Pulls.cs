using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Tests.Fixtures.GitHub;

namespace Slipway.Tests.Fixtures;

/// <summary>What the GitHub double does for pull requests and their labels, kept in memory, as GitHub behaves: one open pull request per
/// head and base, a head branch that must exist (when the test tells the double the branches), merged pull requests that cannot be reopened.</summary>
public sealed partial class GitHubApi
{
    private readonly List<FakePull> _pulls = [];
    private long _nextPull;

    /// <summary>The commit a branch of the repository points at, or null when it does not exist (e.g. read from a bare remote).
    /// When set, opening a pull request from a branch that does not exist is refused, as GitHub does.</summary>
    public Func<string, string?>? Branches { get; set; }

    public IReadOnlyList<FakePull> Pulls { get { lock (_lock) { return [.. _pulls]; } } }

    /// <summary>The requests that changed something: every method but GET.</summary>
    public IReadOnlyList<RecordedRequest> Writes => [.. Requests.Where(r => r.Method != "GET")];

    /// <summary>Merges the pull request as GitHub's button does; the test made <paramref name="mergeCommit"/> on the remote (merge, squash or rebase).</summary>
    public void Merge(long number, string mergeCommit)
    {
        lock (_lock)
        {
            var pull = _pulls.Single(p => p.Number == number);
            pull.State = "closed";
            pull.MergeCommitSha = mergeCommit;
        }
    }

    /// <summary>Closes the pull request without merging it, as a person does on the web page.</summary>
    public void Close(long number)
    {
        lock (_lock)
        {
            _pulls.Single(p => p.Number == number).State = "closed";
        }
    }

    private (int Status, JsonNode? Body) OperatePulls(string operationId, Dictionary<string, string> path, HttpListenerRequest request, JsonElement? body)
    {
        FakePull? ByNumber(string parameter) =>
            long.TryParse(path.GetValueOrDefault(parameter), CultureInfo.InvariantCulture, out var number) ? _pulls.FirstOrDefault(p => p.Number == number) : null;

        switch (operationId)
        {
            case "pulls/list":
                var state = request.QueryString["state"] ?? "open";
                var head = request.QueryString["head"];
                var baseBranch = request.QueryString["base"];
                var ascending = request.QueryString["direction"] == "asc";
                var perPage = int.Parse(request.QueryString["per_page"] ?? "30", CultureInfo.InvariantCulture);
                var page = int.Parse(request.QueryString["page"] ?? "1", CultureInfo.InvariantCulture);
                var listed = _pulls.Where(p => (state == "all" || p.State == state)
                        && (head is null || $"{Owner}:{p.Head}" == head)
                        && (baseBranch is null || p.Base == baseBranch));
                listed = ascending ? listed.OrderBy(p => p.Number) : listed.OrderByDescending(p => p.Number);
                return (200, new JsonArray([.. listed.Skip((page - 1) * perPage).Take(perPage).Select(p => PullJson(p, simple: true))]));
            case "pulls/create":
                var fields = body!.Value;
                var from = fields.GetProperty("head").GetString()!;
                from = from.StartsWith(Owner + ":", StringComparison.Ordinal) ? from[(Owner.Length + 1)..] : from;
                var into = fields.GetProperty("base").GetString()!;
                var sha = Branches?.Invoke(from);
                if (Branches is not null && sha is null)
                {
                    return (422, Validation("head", "invalid"));
                }

                if (_pulls.Any(p => p.State == "open" && p.Head == from && p.Base == into))
                {
                    return (422, Validation("head", "already_exists")); // "A pull request already exists for owner:branch."
                }

                var created = new FakePull
                {
                    Number = ++_nextPull,
                    Head = from,
                    Base = into,
                    Title = fields.TryGetProperty("title", out var t) ? t.GetString()! : string.Empty,
                    Body = fields.TryGetProperty("body", out var b) ? b.GetString() : null,
                    HeadSha = sha,
                };
                _pulls.Add(created);
                return (201, PullJson(created, simple: false));
            case "pulls/update":
                if (ByNumber("pull_number") is not { } pull)
                {
                    return (404, Error("Not Found"));
                }

                var update = body ?? default;
                if (update.ValueKind == JsonValueKind.Object)
                {
                    if (update.TryGetProperty("state", out var newState))
                    {
                        if (pull.Merged && newState.GetString() == "open")
                        {
                            return (422, Validation("state", "invalid")); // a merged pull request cannot be reopened
                        }

                        pull.State = newState.GetString()!;
                    }

                    if (update.TryGetProperty("title", out var title))
                    {
                        pull.Title = title.GetString()!;
                    }

                    if (update.TryGetProperty("body", out var text))
                    {
                        pull.Body = text.GetString();
                    }

                    if (update.TryGetProperty("base", out var newBase))
                    {
                        pull.Base = newBase.GetString()!;
                    }
                }

                pull.HeadSha = Branches?.Invoke(pull.Head) ?? pull.HeadSha;
                return (200, PullJson(pull, simple: false));
            case "issues/add-labels" or "issues/set-labels":
                if (ByNumber("issue_number") is not { } labelled)
                {
                    return (404, Error("Not Found"));
                }

                var names = body!.Value.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();
                if (operationId == "issues/set-labels")
                {
                    labelled.Labels.Clear();
                }

                labelled.Labels.AddRange(names.Where(n => !labelled.Labels.Contains(n)).Distinct());
                return (200, new JsonArray([.. labelled.Labels.Select(LabelJson)]));
            default:
                _violations.Add($"the double does not play {operationId} (Slipway should not need it)");
                return (404, Error("Not Found"));
        }
    }

    private JsonObject PullJson(FakePull pull, bool simple)
    {
        var json = SchemaExample.For(_pullsContract, _pullsContract.Schema(simple ? "pull-request-simple" : "pull-request"))!.AsObject();
        var url = FormattableString.Invariant($"{ApiUrl}repos/{Repository}/pulls/{pull.Number}");
        json["url"] = url;
        json["number"] = pull.Number;
        json["id"] = pull.Number + 500;
        json["html_url"] = FormattableString.Invariant($"https://github.invalid/{Repository}/pull/{pull.Number}");
        json["state"] = pull.State;
        json["title"] = pull.Title;
        json["body"] = pull.Body;
        json["labels"] = new JsonArray([.. pull.Labels.Select(LabelJson)]);
        json["merged_at"] = pull.Merged ? "2026-01-02T00:00:00Z" : null;
        json["closed_at"] = pull.State == "closed" ? "2026-01-02T00:00:00Z" : null;
        json["merge_commit_sha"] = pull.MergeCommitSha;
        json["head"]!["ref"] = pull.Head;
        json["head"]!["label"] = $"{Owner}:{pull.Head}";
        json["head"]!["sha"] = pull.HeadSha ?? new string('0', 40);
        json["base"]!["ref"] = pull.Base;
        json["base"]!["label"] = $"{Owner}:{pull.Base}";
        if (!simple)
        {
            json["merged"] = pull.Merged;
        }

        return json;
    }

    private JsonObject LabelJson(string name)
    {
        var json = SchemaExample.For(_pullsContract, _pullsContract.Schema("label"))!.AsObject();
        json["name"] = name;
        json["description"] = string.Empty; // pull-request-simple's inline label schema does not allow null
        json["id"] = Math.Abs(StringComparer.Ordinal.GetHashCode(name)) + 1;
        return json;
    }
}
