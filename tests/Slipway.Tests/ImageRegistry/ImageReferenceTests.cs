using Slipway.Adapters.Registry;
using Slipway.Core.Images;

namespace Slipway.Tests.ImageRegistry;

/// <summary>Image references parsed like Docker, and the Link header of paged tag lists.</summary>
public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", "latest", null)]
    [InlineData("nginx:1.27", "docker.io", "library/nginx", "1.27", null)]
    [InlineData("o/app:v1", "docker.io", "o/app", "v1", null)]
    [InlineData("index.docker.io/o/app", "docker.io", "o/app", "latest", null)]
    [InlineData("ghcr.io/o/app:main-abc1234", "ghcr.io", "o/app", "main-abc1234", null)]
    [InlineData("127.0.0.1:5055/app:main-abc1234", "127.0.0.1:5055", "app", "main-abc1234", null)]
    [InlineData("localhost/app", "localhost", "app", "latest", null)]
    [InlineData("registry.example.com:8443/a/b/c:x_y.z-1", "registry.example.com:8443", "a/b/c", "x_y.z-1", null)]
    [InlineData("ghcr.io/o/app@sha256:7bfc12572289cc13b3c041dbfc3a536c0e0418c60f1c4ada215c009b63e303c6", "ghcr.io", "o/app", null, "sha256:7bfc12572289cc13b3c041dbfc3a536c0e0418c60f1c4ada215c009b63e303c6")]
    [InlineData("ghcr.io/o/app:v1@sha256:7bfc12572289cc13b3c041dbfc3a536c0e0418c60f1c4ada215c009b63e303c6", "ghcr.io", "o/app", "v1", "sha256:7bfc12572289cc13b3c041dbfc3a536c0e0418c60f1c4ada215c009b63e303c6")]
    public void References_are_read_like_docker_reads_them(string text, string registry, string repository, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal((registry, repository, tag, digest), (reference.Registry, reference.Repository, reference.Tag, reference.Digest));
        Assert.Equal(digest ?? tag, reference.Reference);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Ghcr.io/O/App", "not a repository name")]
    [InlineData("ghcr.io/o/App:v1", "not a repository name")]
    [InlineData("ghcr.io/o/app:-v1", "not a valid tag")]
    [InlineData("ghcr.io/o/app:v1;id", "not a valid tag")]
    [InlineData("ghcr.io/o/app@sha256:abc", "not a digest")]
    [InlineData("ghcr.io/o/app@sha256:7BFC12572289CC13B3C041DBFC3A536C0E0418C60F1C4ADA215C009B63E303C6", "not a digest")]
    [InlineData("ghcr.io//app", "not a repository name")]
    [InlineData("ghcr.io/o/a..b", "not a repository name")]
    [InlineData("-x.io/app", "not a registry host")]
    public void Malformed_references_say_what_is_wrong(string text, string problem)
    {
        Assert.False(ImageReference.TryParse(text, out _, out var error));
        Assert.Contains(problem, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("</v2/app/tags/list?n=2&last=b>; rel=\"next\"", "http://127.0.0.1:5000/v2/app/tags/list?n=2&last=b")]
    [InlineData("<http://127.0.0.1:5000/v2/app/tags/list?last=b&n=2>; rel=\"next\"", "http://127.0.0.1:5000/v2/app/tags/list?last=b&n=2")]
    [InlineData("<https://elsewhere.example/v2/app/tags/list?last=b>; rel=\"next\"", null)]
    [InlineData("</v2/app/tags/list?last=b>; rel=\"prev\"", null)]
    public void The_next_page_of_a_tag_list_comes_from_the_Link_header(string link, string? expected)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Link", link);

        var next = RegistryClient.NextPage(response, new Uri("http://127.0.0.1:5000/v2/app/tags/list?n=2"));

        Assert.Equal(expected, next?.ToString());
    }

    [Fact]
    public void Retry_After_in_seconds_or_as_a_date_is_honoured_up_to_the_cap()
    {
        using var seconds = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
        using var tooLong = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        tooLong.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
        using var none = new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway);

        Assert.Equal(TimeSpan.FromSeconds(3), ResilienceHandler.RetryAfter(seconds, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), ResilienceHandler.RetryAfter(tooLong, TimeSpan.FromSeconds(30)));
        Assert.Null(ResilienceHandler.RetryAfter(none, TimeSpan.FromSeconds(30)));
    }
}
