using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Tests.Fixtures;
using Slipway.Tests.Fixtures.GitHub;

namespace Slipway.Tests.Deployments;

/// <summary>
/// Plays Argo CD's GET /api/v1/applications/{name} on 127.0.0.1, enforcing ../Contracts/argocd-applications.swagger.json (the
/// operation and its definitions from Argo CD's assets/swagger.json): only that route and method, its query parameters, a
/// bearer token on every request (Argo CD's API docs: `Authorization: Bearer $ARGOCD_TOKEN`), and its own answers validated
/// against v1alpha1Application (200) or runtimeError (default). Like Argo CD with auto-sync, the application is synced to
/// the tip of the GitOps branch it watches; its health is what the test says for that revision. Violations fail the test at Dispose.
/// </summary>
public sealed class ArgoCdApi : IDisposable
{
    private static readonly Lazy<OpenApiContract> SharedContract = new(() => OpenApiContract.LoadFrom(ContractPath));
    private readonly HttpListener _listener;
    private readonly List<string> _violations = [];
    private readonly List<string> _requests = [];
    private readonly Lock _lock = new();
    private readonly Task _loop;
    private readonly BareRemote _watched;
    private readonly string _branch;

    /// <param name="watched">The GitOps repository the application follows, and its branch.</param>
    public ArgoCdApi(string application, BareRemote watched, string branch = "main", string token = "argo-token")
    {
        Application = application;
        Token = token;
        _watched = watched;
        _branch = branch;
        _listener = LocalListener.Start(out var port);
        Url = $"http://127.0.0.1:{port}";
        _loop = LocalListener.ServeAsync(_listener, Handle);
    }

    public string Application { get; }

    /// <summary>The only token accepted; anything else is answered 401 as Argo CD does.</summary>
    public string Token { get; }

    public string Url { get; }

    /// <summary>The health Argo CD reports for a revision of the watched branch (default: Healthy).</summary>
    public Func<string, string> Health { get; set; } = _ => "Healthy";

    public IReadOnlyList<string> Requests { get { lock (_lock) { return [.. _requests]; } } }

    private static OpenApiContract Contract => SharedContract.Value;

    private static string ContractPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Slipway.Tests", "Contracts", "argocd-applications.swagger.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("argocd-applications.swagger.json not found above " + AppContext.BaseDirectory);
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var (status, answer) = Answer(context.Request);
        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private (int, JsonNode) Answer(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath;
        lock (_lock)
        {
            _requests.Add($"{request.HttpMethod} {path}");
            var (op, parameters, matched) = Contract.Match(request.HttpMethod, path);
            if (op is null)
            {
                _violations.Add($"{request.HttpMethod} {path}: not in the contract ({matched})");
                return Checked(null, matched, Error(matched, "Not Found"));
            }

            foreach (var name in request.QueryString.AllKeys.OfType<string>())
            {
                if (!op.Parameters.Any(p => p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString() == name))
                {
                    _violations.Add($"{op.Id}: query parameter '{name}' is not in the contract");
                }
            }

            var authorization = request.Headers["Authorization"];
            if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                _violations.Add($"{op.Id}: no bearer token (Authorization: {authorization ?? "missing"})");
                return Checked(op, 401, Error(16, "no session information"));
            }

            if (authorization["Bearer ".Length..] != Token)
            {
                return Checked(op, 401, Error(16, "invalid session: token is not valid"));
            }

            if (parameters["name"] != Application)
            {
                return Checked(op, 404, Error(5, $"applications.argoproj.io \"{parameters["name"]}\" not found"));
            }

            var revision = _watched.BranchCommit(_branch)!;
            var json = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = Application, ["namespace"] = "argocd" },
                ["spec"] = new JsonObject
                {
                    ["project"] = "default",
                    ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = "agent-bus" },
                    ["source"] = new JsonObject { ["repoURL"] = _watched.Url, ["targetRevision"] = _branch, ["path"] = "." },
                },
                ["status"] = new JsonObject
                {
                    ["sync"] = new JsonObject { ["status"] = "Synced", ["revision"] = revision },
                    ["health"] = new JsonObject { ["status"] = Health(revision), ["lastTransitionTime"] = "2026-12-06T20:55:23Z" },
                },
            };
            return Checked(op, 200, json);
        }
    }

    /// <summary>The answer, checked against the contract's schema for its status (the `default` one for errors).</summary>
    private (int, JsonNode) Checked(OpenApiOperation? op, int status, JsonNode answer)
    {
        if (op is not null && (op.Responses.TryGetValue(status, out var schema) || op.Responses.TryGetValue(0, out schema)) && schema is { } s)
        {
            var problems = new List<string>();
            using var document = JsonDocument.Parse(answer.ToJsonString());
            Contract.Validate(document.RootElement, s, "response", problems);
            _violations.AddRange(problems.Select(p => $"the double's answer to {op.Id}: {p}"));
        }

        return (status, answer);
    }

    private static JsonObject Error(int code, string message) => new() { ["code"] = code, ["error"] = message, ["message"] = message };

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        Assert.Empty(_violations);
    }
}
