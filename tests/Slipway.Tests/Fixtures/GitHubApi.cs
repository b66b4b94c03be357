using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Tests.Fixtures.GitHub;

namespace Slipway.Tests.Fixtures;

/// <summary>
/// Plays GitHub's REST API for releases and assets, and for pull requests and their labels, on 127.0.0.1 (an API port and a
/// separate uploads port, as api.github.com and uploads.github.com), enforcing ../shared/contracts/github-releases.openapi.json
/// tests/Slipway.Tests/Contracts/github-pulls.openapi.json and github-checks.openapi.json read at run time: routes and methods, path and query parameter types, request bodies (required fields, types, enums such as
/// make_latest's strings, no unknown properties) and its own answers (documented status codes, response schemas).
/// Every contract violation is recorded and fails the test at Dispose. Faults are served on demand.
/// </summary>
public sealed partial class GitHubApi : IDisposable
{
    private readonly HttpListener _api;
    private readonly HttpListener _uploads;
    private readonly OpenApiContract _contract = OpenApiContract.Load();
    private readonly OpenApiContract _pullsContract = OpenApiContract.LoadPulls();
    private readonly OpenApiContract _checksContract = OpenApiContract.LoadChecks();
    private readonly List<Fault> _faults = [];
    private readonly List<string> _violations = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly Task _apiLoop;
    private readonly Task _uploadsLoop;

    public GitHubApi(string owner = "acme", string name = "app", string token = "test-token")
    {
        Owner = owner;
        Name = name;
        Token = token;
        (_api, ApiUrl) = Start();
        (_uploads, UploadsUrl) = Start();
        _apiLoop = ServeAsync(_api, uploads: false);
        _uploadsLoop = ServeAsync(_uploads, uploads: true);
    }

    public string Owner { get; }

    public string Name { get; }

    public string Repository => $"{Owner}/{Name}";

    /// <summary>The only token the double accepts (Authorization: Bearer TOKEN or token TOKEN); anything else gets 401.</summary>
    public string Token { get; set; }

    /// <summary>Whether the token may write to the repository (repos/get's permissions.push); false plays a read-only token.</summary>
    public bool CanPush { get; set; } = true;

    /// <summary>The API root, for GITHUB_API_URL.</summary>
    public string ApiUrl { get; }

    public string UploadsUrl { get; }

    /// <summary>GITHUB_API_URL, GITHUB_REPOSITORY and GITHUB_TOKEN for the CLI under test.</summary>
    public Dictionary<string, string?> Environment => new()
    {
        ["GITHUB_API_URL"] = ApiUrl,
        ["GITHUB_REPOSITORY"] = Repository,
        ["GITHUB_TOKEN"] = Token,
    };

    public IReadOnlyList<FakeRelease> Releases { get { lock (_lock) { return [.. _releases]; } } }

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_lock) { return [.. _requests]; } } }

    public IReadOnlyList<string> Violations { get { lock (_lock) { return [.. _violations]; } } }

    /// <summary>The tag of the release GitHub would show as Latest, or null.</summary>
    public string? LatestTag { get { lock (_lock) { return _releases.FirstOrDefault(r => r.Id == _latestId)?.TagName; } } }

    public FakeRelease? Release(string tag) => Releases.FirstOrDefault(r => r.TagName == tag);

    /// <summary>Answers the next <paramref name="times"/> requests to <paramref name="operationId"/> (null: any) with this status instead.</summary>
    public void Fail(string? operationId, int status, int times = 1, IReadOnlyDictionary<string, string>? headers = null, string message = "fault injected by the test")
    {
        lock (_lock)
        {
            _faults.Add(new Fault(operationId, status, headers ?? new Dictionary<string, string>(), message, times));
        }
    }

    /// <summary>Forgets the violations a test provoked on purpose (after asserting them).</summary>
    public IReadOnlyList<string> TakeViolations()
    {
        lock (_lock)
        {
            var taken = _violations.ToList();
            _violations.Clear();
            return taken;
        }
    }

    public void Dispose()
    {
        _api.Close();
        _uploads.Close();
        Task.WhenAll(_apiLoop, _uploadsLoop).Wait(TimeSpan.FromSeconds(5));
        var violations = Violations;
        if (violations.Count > 0)
        {
            throw new InvalidOperationException("GitHub contract violations:\n" + string.Join('\n', violations));
        }
    }

    private static (HttpListener Listener, string Url) Start()
    {
        var listener = LocalListener.Start(out var port);
        return (listener, $"http://127.0.0.1:{port}/");
    }

    private Task ServeAsync(HttpListener listener, bool uploads) => LocalListener.ServeAsync(listener, context =>
    {
        try
        {
            Handle(context, uploads);
        }
        catch (Exception e)
        {
            lock (_lock)
            {
                _violations.Add($"the double failed on {context.Request.HttpMethod} {context.Request.Url}: {e}");
            }

            Respond(context, 500, Error("double failed"));
        }
    });

    private void Handle(HttpListenerContext context, bool uploads)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var bodyBytes = ReadAll(request.InputStream);
        // Each contract in turn: a path known to any is a wrong method (405) rather than an unknown path (404).
        (OpenApiOperation? op, Dictionary<string, string> pathParameters, int routeStatus, OpenApiContract contract) = (null, [], 404, _contract);
        foreach (var candidate in new[] { _contract, _pullsContract, _checksContract })
        {
            var (found, parameters, status) = candidate.Match(request.HttpMethod, request.Url.AbsolutePath);
            if (found is not null)
            {
                (op, pathParameters, routeStatus, contract) = (found, parameters, 200, candidate);
                break;
            }

            routeStatus = Math.Max(routeStatus, status);
        }

        lock (_lock)
        {
            _requests.Add(new RecordedRequest(request.HttpMethod, path, op?.Id, op is { BodyIsJson: true } ? Encoding.UTF8.GetString(bodyBytes) : null,
                uploads, request.Headers["Authorization"]));
            var (status, body, headers, fault) = Answer(request, uploads, contract, op, pathParameters, routeStatus, bodyBytes);
            if (!fault && op is not null)
            {
                CheckResponse(contract, op, status, body);
            }

            Respond(context, status, body, headers);
        }
    }

    private (int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers, bool Fault) Answer(
        HttpListenerRequest request, bool uploads, OpenApiContract contract, OpenApiOperation? op, Dictionary<string, string> pathParameters, int routeStatus, byte[] bodyBytes)
    {
        var what = $"{request.HttpMethod} {request.Url!.PathAndQuery}";
        if (op is null)
        {
            _violations.Add($"{what}: {(routeStatus == 405 ? "method not allowed on this path" : "no such path")} in the contract");
            return (routeStatus, Error(routeStatus == 405 ? "Method Not Allowed" : "Not Found"), null, true);
        }

        if (op.OnUploadsHost != uploads)
        {
            _violations.Add($"{what}: {op.Id} must be sent to {(op.OnUploadsHost ? "the upload_url origin" : "the API root")}, not {(uploads ? "the uploads host" : "the API root")}");
            return (404, Error("Not Found"), null, true);
        }

        foreach (var parameter in op.Parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var location = parameter.GetProperty("in").GetString();
            var value = location == "path" ? pathParameters.GetValueOrDefault(name) : request.QueryString[name];
            var required = parameter.TryGetProperty("required", out var r) && r.GetBoolean();
            if (value is null)
            {
                if (required)
                {
                    _violations.Add($"{what}: required {location} parameter '{name}' is missing");
                    return (422, Validation(name, "missing_field"), null, true);
                }

                continue;
            }

            if (!OpenApiContract.FitsType(value, parameter))
            {
                _violations.Add($"{what}: {location} parameter '{name}' = '{value}' does not fit its type");
                return (location == "path" ? 404 : 422, location == "path" ? Error("Not Found") : Validation(name, "invalid"), null, true);
            }
        }

        var authorization = request.Headers["Authorization"];
        if (authorization != $"Bearer {Token}" && authorization != $"token {Token}")
        {
            return (401, Error("Bad credentials"), null, false);
        }

        var fault = _faults.FirstOrDefault(f => f.OperationId is null || f.OperationId == op.Id);
        if (fault is not null)
        {
            _faults[_faults.IndexOf(fault)] = fault with { Times = fault.Times - 1 };
            _faults.RemoveAll(f => f.Times <= 0);
            return (fault.Status, Error(fault.Message), fault.Headers, true);
        }

        JsonElement? json = null;
        if (op.BodyIsJson && (bodyBytes.Length > 0 || op.BodyRequired))
        {
            var problems = new List<string>();
            try
            {
                using var document = JsonDocument.Parse(bodyBytes);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add("body: not a JSON object");
                }
                else
                {
                    contract.Validate(document.RootElement, op.JsonBody!.Value, "body", problems, strictProperties: true);
                    json = document.RootElement.Clone();
                }
            }
            catch (JsonException e)
            {
                problems.Add($"body: not JSON ({e.Message})");
            }

            if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
            {
                problems.Add($"Content-Type is '{request.ContentType}', not application/json");
            }

            if (problems.Count > 0)
            {
                _violations.AddRange(problems.Select(p => $"{what}: {p}"));
                return (422, Validation("body", "invalid"), null, true);
            }
        }

        if (op.OnUploadsHost && string.IsNullOrEmpty(request.ContentType))
        {
            _violations.Add($"{what}: an upload needs the asset's media type in Content-Type");
            return (422, Validation("Content-Type", "missing_field"), null, true);
        }

        if (!string.Equals(pathParameters.GetValueOrDefault("owner"), Owner, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(pathParameters.GetValueOrDefault("repo"), Name, StringComparison.OrdinalIgnoreCase))
        {
            return (404, Error("Not Found"), null, false);
        }

        var (status, body) = Operate(op.Id, pathParameters, request, json, bodyBytes);
        var pageLinks = _pageLinks;
        _pageLinks = null;
        return (status, body, pageLinks, false);
    }

    /// <summary>The double's own answers must be what the contract documents (GitHub may add generic 401/403/404 anywhere).</summary>
    private void CheckResponse(OpenApiContract contract, OpenApiOperation op, int status, JsonNode? body)
    {
        if (!op.Responses.TryGetValue(status, out var schema))
        {
            if (status is not (401 or 403 or 404))
            {
                _violations.Add($"the double answered {op.Id} with {status}, which the contract does not document");
            }

            return;
        }

        if (schema is { } s && body is not null)
        {
            var problems = new List<string>();
            using var document = JsonDocument.Parse(body.ToJsonString());
            contract.Validate(document.RootElement, s, $"{op.Id} {status} response", problems);
            _violations.AddRange(problems.Select(p => $"the double's answer breaks the contract: {p}"));
        }
    }

    private static JsonObject Error(string message) =>
        new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest", ["status"] = "error" };

    private static JsonObject Validation(string field, string code) => new JsonObject
    {
        ["message"] = "Validation Failed",
        ["documentation_url"] = "https://docs.github.com/rest",
        ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Release", ["field"] = field, ["code"] = code }),
    };

    private static void Respond(HttpListenerContext context, int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null)
    {
        try
        {
            var response = context.Response;
            response.StatusCode = status;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                response.Headers[name] = value;
            }

            if (body is not null && status != 204)
            {
                var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                response.ContentType = "application/json; charset=utf-8";
                response.ContentLength64 = bytes.Length;
                response.OutputStream.Write(bytes);
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // The client went away (a cancelled request); nothing to answer.
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
