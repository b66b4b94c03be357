using Slipway.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Adapters.Helm;

/// <summary>The kubeconfig helm and kubectl would use: KUBECONFIG's files, else ~/.kube/config; its contexts, never its credentials.</summary>
public sealed record Kubeconfig(IReadOnlyList<string> Files, IReadOnlyList<string> Contexts, string? CurrentContext)
{
    /// <summary>The files that exist; empty when there is no kubeconfig here.</summary>
    public static IReadOnlyList<string> Locate(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var named = environment("KUBECONFIG") is { Length: > 0 } list
            ? list.Split(':', StringSplitOptions.RemoveEmptyEntries)
            : environment("HOME") is { Length: > 0 } home ? [Path.Combine(home, ".kube", "config")] : [];
        return named.Where(File.Exists).ToList();
    }

    /// <summary>Reads the contexts of the files; a file that is not a kubeconfig is a problem naming it and the line (its contents are never shown).</summary>
    public static (Kubeconfig? Config, string? Problem) Read(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var contexts = new List<string>();
        string? current = null;
        foreach (var file in files)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(File.ReadAllText(file)));
            }
            catch (YamlException e)
            {
                return (null, $"{file}:{e.Start.Line}: not valid YAML");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, $"{file}: cannot be read ({SlipwayError.Flatten(e.Message)})");
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return (null, $"{file}:1: not a kubeconfig (expected a mapping with contexts: and clusters:)");
            }

            if (root.Children.TryGetValue(new YamlScalarNode("contexts"), out var list) && list is YamlSequenceNode sequence)
            {
                contexts.AddRange(sequence.Children.OfType<YamlMappingNode>()
                    .Select(c => c.Children.TryGetValue(new YamlScalarNode("name"), out var name) ? (name as YamlScalarNode)?.Value : null).OfType<string>());
            }

            // The first file that sets current-context wins (kubectl's merge rule).
            if (current is null && root.Children.TryGetValue(new YamlScalarNode("current-context"), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value })
            {
                current = value;
            }
        }

        return (new Kubeconfig(files, contexts, current), null);
    }
}
