using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Tests.Fixtures;
using Slipway.Tests.Fixtures.GitHub;

namespace Slipway.Tests.Deployments;

/// <summary>Plays GitHub's Deployments API on 127.0.0.1, enforcing contract/github-deployments.openapi.json (extracted from
/// @octokit/openapi): routes, parameter types, request bodies (required fields, types, enums, no unknown properties) and
/// its own answers (documented codes, response schemas). Violations fail the test at Dispose. Can play an outage.</summary>
public sealed class GitHubDeploymentsApi : IDisposable
{
    private static readonly Lazy<OpenApiContract> SharedContract = new(() => OpenApiContract.LoadFrom(ContractPath));
    private readonly HttpListener _listener;
    private readonly List<string> _violations = [];
    private readonly List<(long Id, string Ref, string Environment)> _deployments = [];
    private readonly List<(long Deployment, string State, string Description)> _statuses = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;
    private int? _outage;

    public GitHubDeploymentsApi()
    {
        _listener = LocalListener.Start(out var port);
        ApiUrl = $"http://127.0.0.1:{port}/";
        _loop = Task.Run(ServeAsync);
    }

    public static string ContractPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Slipway.Tests", "Deployments", "contract", "github-deployments.openapi.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("contract/github-deployments.openapi.json not found");
        }
    }

    public string ApiUrl { get; private set; } = string.Empty;

    public const string Token = "deploy-token";

    public Dictionary<string, string?> Environment => new()
    {
        ["GITHUB_API_URL"] = ApiUrl,
        ["GITHUB_REPOSITORY"] = "tefj-fun/agent_bus",
        ["GITHUB_TOKEN"] = Token,
    };

    public IReadOnlyList<(long Id, string Ref, string Environment)> Deployments { get { lock (_lock) { return [.. _deployments]; } } }

    /// <summary>Each status as "deploymentId state".</summary>
    public IReadOnlyList<string> Statuses { get { lock (_lock) { return [.. _statuses.Select(s => $"{s.Deployment} {s.State}")]; } } }

    /// <summary>From now on every request gets this status (503: GitHub is down).</summary>
    public void Outage(int status = 503) => _outage = status;

    private static OpenApiContract Contract => SharedContract.Value;

    private Task ServeAsync() => LocalListener.ServeAsync(_listener, context =>
    {
        lock (_lock)
        {
            var (status, body) = Answer(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body?.ToJsonString() ?? string.Empty);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
    });

    private (int Status, JsonNode? Body) Answer(HttpListenerRequest request)
    {
        var what = $"{request.HttpMethod} {request.Url!.PathAndQuery}";
        var (op, pathParameters, routeStatus) = Contract.Match(request.HttpMethod, request.Url.AbsolutePath);
        if (op is null)
        {
            _violations.Add($"{what}: not in the Deployments contract");
            return (routeStatus, Error("Not Found"));
        }

        foreach (var parameter in op.Parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var value = parameter.GetProperty("in").GetString() == "path" ? pathParameters.GetValueOrDefault(name) : request.QueryString[name];
            if (value is not null && !OpenApiContract.FitsType(value, parameter))
            {
                _violations.Add($"{what}: parameter '{name}' = '{value}' does not fit its type");
                return (422, Error("Validation Failed"));
            }
        }

        if (request.Headers["Authorization"] != $"Bearer {Token}")
        {
            return (401, Error("Bad credentials"));
        }

        if (_outage is { } down)
        {
            return (down, Error("GitHub is down (test outage)"));
        }

        JsonElement body = default;
        if (op.BodyIsJson)
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var problems = new List<string>();
            try
            {
                body = JsonDocument.Parse(reader.ReadToEnd()).RootElement.Clone();
                Contract.Validate(body, op.JsonBody!.Value, "body", problems, strictProperties: true);
            }
            catch (JsonException e)
            {
                problems.Add($"body is not JSON ({e.Message})");
            }

            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("description", out var d) && d.GetString()?.Length > 140 && op.Id == "repos/create-deployment-status")
            {
                problems.Add("description: longer than 140 characters");
            }

            if (problems.Count > 0)
            {
                _violations.AddRange(problems.Select(p => $"{what}: {p}"));
                return (422, Error("Validation Failed"));
            }
        }

        var (status, answer) = op.Id switch
        {
            "repos/create-deployment" => CreateDeployment(body),
            "repos/create-deployment-status" => CreateStatus(long.Parse(pathParameters["deployment_id"], System.Globalization.CultureInfo.InvariantCulture), body),
            _ => (404, Error("Not Found")),
        };
        if (!op.Responses.TryGetValue(status, out var schema))
        {
            _violations.Add($"the double answered {op.Id} with {status}, which the contract does not document");
        }
        else if (schema is { } s && answer is not null)
        {
            var problems = new List<string>();
            using var document = JsonDocument.Parse(answer.ToJsonString());
            Contract.Validate(document.RootElement, s, "response", problems);
            _violations.AddRange(problems.Select(p => $"the double's answer to {op.Id}: {p}"));
        }

        return (status, answer);
    }

    private (int, JsonNode?) CreateDeployment(JsonElement body)
    {
        var id = _deployments.Count + 1001L;
        var environment = body.TryGetProperty("environment", out var e) ? e.GetString()! : "production";
        _deployments.Add((id, body.GetProperty("ref").GetString()!, environment));
        var json = SchemaExample.For(Contract, Contract.Schema("deployment"))!.AsObject();
        json["id"] = id;
        json["ref"] = body.GetProperty("ref").GetString();
        json["environment"] = environment;
        json["description"] = body.TryGetProperty("description", out var d) ? d.GetString() : null;
        return (201, json);
    }

    private (int, JsonNode?) CreateStatus(long deployment, JsonElement body)
    {
        if (_deployments.All(d => d.Id != deployment))
        {
            return (404, Error("Not Found"));
        }

        var state = body.GetProperty("state").GetString()!;
        _statuses.Add((deployment, state, body.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty));
        var json = SchemaExample.For(Contract, Contract.Schema("deployment-status"))!.AsObject();
        json["id"] = _statuses.Count + 5001L;
        json["state"] = state;
        return (201, json);
    }

    private static JsonObject Error(string message) => new() { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" };

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        if (_violations.Count > 0)
        {
            throw new InvalidOperationException("GitHub Deployments contract violations:\n" + string.Join('\n', _violations));
        }
    }
}
