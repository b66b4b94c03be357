using Slipway.Core.Security;

namespace Slipway.Adapters.Registry;

/// <summary>A user name and password (or token) for one registry, and where they came from (named in errors, never the values).</summary>
public sealed record RegistryCredential(string Username, Secret Password, string Source);
