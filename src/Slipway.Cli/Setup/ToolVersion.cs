using System.Reflection;

namespace Slipway.Cli.Setup;

/// <summary>The version of this Slipway (what `slipway --version` prints): the package version, with the commit as build metadata.</summary>
public static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
