using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Publishing;

/// <summary>The GitHub double enforces the contract: a request that breaks it is refused and recorded, so the test that sent it fails.</summary>
public sealed class GitHubApiContractTests
{
    private static async Task<HttpStatusCode> SendAsync(GitHubApi api, HttpMethod method, string url, string? json = null, string? contentType = "application/json")
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("make_latest as a boolean", """{"tag_name":"v1.0.0","make_latest":true}""", "body.make_latest: expected string")]
    [InlineData("make_latest outside its enum", """{"tag_name":"v1.0.0","make_latest":"yes"}""", "body.make_latest: \"yes\" is not one of")]
    [InlineData("no tag_name", """{"name":"v1.0.0"}""", "required property 'tag_name' is missing")]
    [InlineData("draft as a string", """{"tag_name":"v1.0.0","draft":"false"}""", "body.draft: expected boolean")]
    [InlineData("a misspelt property", """{"tag_name":"v1.0.0","makeLatest":"true"}""", "property 'makeLatest' is not in the contract")]
    [InlineData("not an object", """["v1.0.0"]""", "not a JSON object")]
    public async Task A_create_release_body_that_breaks_the_contract_gets_422_and_is_recorded(string why, string body, string violation)
    {
        using var api = new GitHubApi();

        var status = await SendAsync(api, HttpMethod.Post, $"{api.ApiUrl}repos/acme/app/releases", body);

        Assert.True(status == HttpStatusCode.UnprocessableEntity, why);
        Assert.Contains(api.TakeViolations(), v => v.Contains(violation, StringComparison.Ordinal));
        Assert.Empty(api.Releases);
    }

    [Fact]
    public async Task A_release_id_that_is_not_an_integer_is_recorded()
    {
        using var api = new GitHubApi();

        var status = await SendAsync(api, HttpMethod.Get, $"{api.ApiUrl}repos/acme/app/releases/abc");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(api.TakeViolations(), v => v.Contains("path parameter 'release_id' = 'abc' does not fit its type", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_method_the_contract_does_not_list_is_405_and_recorded()
    {
        using var api = new GitHubApi();

        var status = await SendAsync(api, HttpMethod.Put, $"{api.ApiUrl}repos/acme/app/releases", "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Contains(api.TakeViolations(), v => v.Contains("method not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_sent_to_the_API_root_instead_of_upload_url_is_recorded()
    {
        using var api = new GitHubApi();
        var release = api.AddRelease("v1.0.0");

        var status = await SendAsync(api, HttpMethod.Post, $"{api.ApiUrl}repos/acme/app/releases/{release.Id}/assets?name=a.zip", "bytes", "application/zip");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(api.TakeViolations(), v => v.Contains("must be sent to the upload_url origin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_without_a_name_is_recorded()
    {
        using var api = new GitHubApi();
        var release = api.AddRelease("v1.0.0");

        var status = await SendAsync(api, HttpMethod.Post, $"{api.UploadsUrl}repos/acme/app/releases/{release.Id}/assets", "bytes", "application/zip");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(api.TakeViolations(), v => v.Contains("required query parameter 'name' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_tag_name_is_the_documented_422_not_a_violation()
    {
        using var api = new GitHubApi();
        api.AddRelease("v1.0.0");

        var status = await SendAsync(api, HttpMethod.Post, $"{api.ApiUrl}repos/acme/app/releases", """{"tag_name":"v1.0.0"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Empty(api.Violations);
        Assert.Single(api.Releases);
    }

    [Fact]
    public async Task A_request_without_the_token_is_401()
    {
        using var api = new GitHubApi();
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri($"{api.ApiUrl}repos/acme/app/releases"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(api.Violations);
    }

    [Fact]
    public async Task A_path_outside_the_contract_is_recorded()
    {
        using var api = new GitHubApi();

        var status = await SendAsync(api, HttpMethod.Get, $"{api.ApiUrl}repos/acme/app/deployments");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(api.TakeViolations(), v => v.Contains("no such path in the contract", StringComparison.Ordinal));
    }
}
