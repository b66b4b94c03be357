namespace Slipway.Core.Notifications;

/// <summary>A secret named in slipway.yml by its environment variable, never by its value; <see cref="Where"/> is "FILE:LINE: KEY" for errors.</summary>
public sealed record SecretReference(string Variable, string Where);
