namespace Slipway.Adapters.Git;

/// <summary>A local tag as git has it: the commit an annotated tag points at and its message (Target null: a lightweight tag).</summary>
public sealed record AnnotatedTag(string Name, string? Target, string Message);
