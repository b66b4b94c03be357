namespace Slipway.Core.Deployments;

/// <summary>A command that must succeed before a version is deployed (tests, an image scanner); its arguments are an array, never a shell string.</summary>
public sealed record Gate(string Name, IReadOnlyList<string> Run);
