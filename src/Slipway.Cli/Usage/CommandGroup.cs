namespace Slipway.Cli.Usage;

/// <summary>A heading of the command list and its commands, by path ("image tags") with a one-line summary each.</summary>
public sealed record CommandGroup(string Title, IReadOnlyList<(string Path, string Summary)> Commands);
