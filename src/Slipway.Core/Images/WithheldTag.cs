namespace Slipway.Core.Images;

/// <summary>A floating tag a rule would give but the build does not get, and why (a higher release holds it, or the build is a prerelease).</summary>
public sealed record WithheldTag(string Tag, string Reason);
