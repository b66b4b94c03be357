using Slipway.Core.Versioning;

namespace Slipway.Core.Images;

/// <summary>A tag one rule gives before the forward-only decisions: its value, whether it asks for latest, what it floats over and the version that orders it.</summary>
internal sealed record TagCandidate(string Value, bool Latest, FloatingScope Scope, SemanticVersion? Order);
