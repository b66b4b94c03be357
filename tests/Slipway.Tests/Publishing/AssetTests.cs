using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Publishing;

/// <summary>--asset: uploaded to the upload_url origin, skipped when the release has it with the same size, replaced with --clobber.</summary>
public sealed class AssetTests
{
    private static string File(ReleasedRepo setup, string name, string content)
    {
        var path = Path.Combine(setup.Repo.Path, "..", $"{Guid.NewGuid():N}-dist", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Assets_are_uploaded_with_their_media_type_and_skipped_on_a_re_run()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: first");
        var zip = File(setup, "app.zip", "zip bytes");
        var sums = File(setup, "checksums.txt", "abc  app.zip\n");

        var first = setup.Publish("1.0.0", "--asset", zip, "--asset", sums);
        var second = setup.Publish("1.0.0", "--asset", zip, "--asset", sums);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("  app.zip: uploaded (9 bytes)", first.StandardOutput, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("release v1.0.0 is up to date, nothing changed: https://github.invalid/acme/app/releases/tag/v1.0.0\n"
            + "  app.zip: already there with the same size, skipped\n  checksums.txt: already there with the same size, skipped\n", second.StandardOutput);
        var assets = Assert.Single(setup.Api.Releases).Assets;
        Assert.Equal(["app.zip", "checksums.txt"], assets.Select(a => a.Name));
        Assert.Equal("application/zip", assets[0].ContentType);
        Assert.Equal("text/plain", assets[1].ContentType);
        Assert.Equal("zip bytes", System.Text.Encoding.UTF8.GetString(assets[0].Content));
        Assert.Equal(2, setup.Api.Requests.Count(r => r.OperationId == "repos/upload-release-asset"));
        Assert.All(setup.Api.Requests.Where(r => r.OperationId == "repos/upload-release-asset"), r => Assert.True(r.OnUploadsHost));
    }

    [Fact]
    public void An_asset_of_another_size_is_refused_without_clobber_and_replaced_with_it()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: first");
        var release = setup.Api.AddRelease("v1.0.0");
        setup.Api.AddAsset(release, "app.zip", "old"u8.ToArray());
        var zip = File(setup, "app.zip", "new and longer");

        var refused = setup.Publish("1.0.0", "--asset", zip);
        var replaced = setup.Publish("1.0.0", "--asset", zip, "--clobber");

        Assert.Equal(3, refused.ExitCode);
        Assert.Equal("slipway: the release v1.0.0 already has app.zip with a different size (3 bytes, this file has 14); pass --clobber to replace it", refused.StandardError.Trim());
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Contains("  app.zip: replaced (14 bytes)", replaced.StandardOutput, StringComparison.Ordinal);
        var asset = Assert.Single(Assert.Single(setup.Api.Releases).Assets);
        Assert.Equal("new and longer", System.Text.Encoding.UTF8.GetString(asset.Content));
        Assert.Single(setup.Api.Requests, r => r.OperationId == "repos/delete-release-asset");
    }

    [Fact]
    public void Clobber_replaces_an_asset_even_of_the_same_size()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: first");
        var release = setup.Api.AddRelease("v1.0.0");
        setup.Api.AddAsset(release, "app.zip", "aaa"u8.ToArray());
        var zip = File(setup, "app.zip", "bbb");

        var result = setup.Publish("1.0.0", "--asset", zip, "--clobber");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("bbb", System.Text.Encoding.UTF8.GetString(Assert.Single(Assert.Single(setup.Api.Releases).Assets).Content));
    }

    [Theory]
    [InlineData("missing.zip", false, "--asset {0}: no such file; pass the path of a file to attach to the release")]
    [InlineData("my app.zip", true, "GitHub would rename 'my app.zip'")]
    public void A_bad_asset_is_a_usage_error_before_anything_is_published(string name, bool create, string error)
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: first");
        var path = create ? File(setup, name, "x") : Path.Combine(setup.Repo.Path, name);

        var result = setup.Publish("1.0.0", "--asset", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, error, path), result.StandardError, StringComparison.Ordinal);
        Assert.Empty(setup.Api.Requests);
    }
}
