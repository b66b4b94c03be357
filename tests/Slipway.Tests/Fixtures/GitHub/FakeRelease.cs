namespace Slipway.Tests.Fixtures.GitHub;

/// <summary>A release as the GitHub double stores it.</summary>
public sealed class FakeRelease
{
    public required long Id { get; init; }

    public required string TagName { get; set; }

    public string? Name { get; set; }

    public string? Body { get; set; }

    public bool Draft { get; set; }

    public bool Prerelease { get; set; }

    public List<FakeAsset> Assets { get; } = [];
}
