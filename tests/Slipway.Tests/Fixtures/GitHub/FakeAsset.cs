namespace Slipway.Tests.Fixtures.GitHub;

/// <summary>A release asset as the GitHub double stores it (its bytes included, so tests can check what was uploaded).</summary>
public sealed record FakeAsset(long Id, string Name, string ContentType, byte[] Content, string State = "uploaded");
