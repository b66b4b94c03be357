using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Slipway.Tests.Fixtures.GitHub;

namespace Slipway.Tests.Fixtures;

/// <summary>What the GitHub double does for the release gates' reads: check runs and statuses per commit, a commit's pull requests and
/// their reviews, each listing paged by per_page and page with a Link header, as GitHub pages them.</summary>
public sealed partial class GitHubApi
{
    private readonly List<(string Sha, string Name, string Status, string? Conclusion)> _checkRuns = [];
    private readonly List<(string Sha, string Context, string State)> _statuses = [];
    private Dictionary<string, string>? _pageLinks;

    /// <summary>A check run on a commit (the latest of its name): completed with a conclusion, or still queued/in_progress.</summary>
    public void AddCheckRun(string sha, string name, string? conclusion = "success", string status = "completed")
    {
        lock (_lock)
        {
            _checkRuns.Add((sha, name, status, conclusion));
        }
    }

    /// <summary>A commit status on a commit: success, failure, error or pending.</summary>
    public void AddStatus(string sha, string context, string state)
    {
        lock (_lock)
        {
            _statuses.Add((sha, context, state));
        }
    }

    /// <summary>A pull request merged into <paramref name="into"/> that brought <paramref name="commits"/> (merged with <paramref name="mergeCommit"/>).</summary>
    public FakePull AddMergedPull(IReadOnlyList<string> commits, string mergeCommit, string into = "main")
    {
        ArgumentNullException.ThrowIfNull(commits);
        lock (_lock)
        {
            var pull = new FakePull { Number = ++_nextPull, Head = $"topic-{_nextPull}", Base = into, Title = $"change {_nextPull}", State = "closed", MergeCommitSha = mergeCommit };
            pull.Commits.AddRange(commits);
            _pulls.Add(pull);
            return pull;
        }
    }

    /// <summary>A review of a pull request by <paramref name="reviewer"/>: APPROVED, CHANGES_REQUESTED or COMMENTED.</summary>
    public void Review(FakePull pull, string reviewer, string state)
    {
        ArgumentNullException.ThrowIfNull(pull);
        lock (_lock)
        {
            pull.Reviews.Add((reviewer, state));
        }
    }

    private (int Status, JsonNode? Body) OperateChecks(string operationId, Dictionary<string, string> path, HttpListenerRequest request)
    {
        switch (operationId)
        {
            case "checks/list-for-ref":
                var runs = _checkRuns.Where(r => r.Sha == path["ref"]).ToList();
                return (200, new JsonObject
                {
                    ["total_count"] = runs.Count,
                    ["check_runs"] = new JsonArray([.. Page(request, runs).Select((r, i) => CheckRunJson(r.Sha, r.Name, r.Status, r.Conclusion, i))]),
                });
            case "repos/get-combined-status-for-ref":
                var statuses = _statuses.Where(s => s.Sha == path["ref"]).ToList();
                var combined = SchemaExample.For(_checksContract, _checksContract.Schema("combined-commit-status"))!.AsObject();
                combined["sha"] = path["ref"];
                combined["state"] = statuses.Any(s => s.State is "failure" or "error") ? "failure" : statuses.Count > 0 && statuses.All(s => s.State == "success") ? "success" : "pending";
                combined["total_count"] = statuses.Count;
                combined["statuses"] = new JsonArray([.. Page(request, statuses).Select(s => StatusJson(s.Context, s.State))]);
                return (200, combined);
            case "repos/list-pull-requests-associated-with-commit":
                var sha = path["commit_sha"];
                var pulls = _pulls.Where(p => p.Commits.Contains(sha) || p.MergeCommitSha == sha).ToList();
                return (200, new JsonArray([.. Page(request, pulls).Select(p => PullJson(p, simple: true))]));
            case "pulls/list-reviews":
                if (!long.TryParse(path["pull_number"], CultureInfo.InvariantCulture, out var number) || _pulls.FirstOrDefault(p => p.Number == number) is not { } reviewed)
                {
                    return (404, Error("Not Found"));
                }

                return (200, new JsonArray([.. Page(request, reviewed.Reviews).Select((r, i) => ReviewJson(reviewed, r.Reviewer, r.State, i))]));
            default:
                _violations.Add($"the double does not play {operationId} (Slipway should not need it)");
                return (404, Error("Not Found"));
        }
    }

    /// <summary>One page of a listing by per_page (default 30) and page, with the Link header's next page when there is one.</summary>
    private List<T> Page<T>(HttpListenerRequest request, IReadOnlyList<T> all)
    {
        var perPage = int.Parse(request.QueryString["per_page"] ?? "30", CultureInfo.InvariantCulture);
        var page = int.Parse(request.QueryString["page"] ?? "1", CultureInfo.InvariantCulture);
        if (page * perPage < all.Count)
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.Url!.Query);
            query["page"] = (page + 1).ToString(CultureInfo.InvariantCulture);
            var next = new UriBuilder(request.Url) { Query = query.ToString() }.Uri;
            _pageLinks = new Dictionary<string, string> { ["Link"] = $"<{next.AbsoluteUri}>; rel=\"next\"" };
        }

        return [.. all.Skip((page - 1) * perPage).Take(perPage)];
    }

    private JsonObject CheckRunJson(string sha, string name, string status, string? conclusion, int index)
    {
        var json = SchemaExample.For(_checksContract, _checksContract.Schema("check-run"))!.AsObject();
        json["id"] = index + 1;
        json["head_sha"] = sha;
        json["name"] = name;
        json["status"] = status;
        json["conclusion"] = conclusion;
        json["pull_requests"] = new JsonArray();
        return json;
    }

    private JsonObject StatusJson(string context, string state)
    {
        var json = SchemaExample.For(_checksContract, _checksContract.Schema("simple-commit-status"))!.AsObject();
        json["context"] = context;
        json["state"] = state;
        return json;
    }

    private JsonObject ReviewJson(FakePull pull, string reviewer, string state, int index)
    {
        var json = SchemaExample.For(_checksContract, _checksContract.Schema("pull-request-review"))!.AsObject();
        json["id"] = index + 1;
        json["state"] = state;
        json["commit_id"] = pull.Commits.LastOrDefault() ?? new string('0', 40);
        var user = SchemaExample.For(_checksContract, _checksContract.Schema("simple-user"))!.AsObject();
        user["login"] = reviewer;
        json["user"] = user;
        return json;
    }
}
