using Slipway.Core.Errors;

namespace Slipway.Adapters.Configuration;

/// <summary>
/// Every problem of a slipway.yml the loader refuses, not only the first: the loader stops at the first, so each top-level
/// section is loaded again on its own (the other sections' lines blanked, so the line numbers stay true).
/// </summary>
public static class ConfigProblems
{
    public static IReadOnlyList<string> All(string path, string first)
    {
        var problems = new List<string> { first };
        string[] lines;
        try
        {
            lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        }
        catch (IOException)
        {
            return problems;
        }

        var starts = Enumerable.Range(0, lines.Length).Where(i => IsTopLevelKey(lines[i])).ToList();
        for (var s = 0; s < starts.Count; s++)
        {
            var (from, to) = (starts[s], s + 1 < starts.Count ? starts[s + 1] : lines.Length);
            var alone = lines.Select((line, i) => i >= from && i < to ? line : string.Empty);
            try
            {
                ConfigLoader.Parse(string.Join('\n', alone), Path.GetFileName(path));
            }
            catch (SlipwayException e)
            {
                if (!problems.Contains(e.Error.Message))
                {
                    problems.Add(e.Error.Message);
                }
            }
        }

        return problems;
    }

    private static bool IsTopLevelKey(string line) =>
        line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] is not ('#' or '-' or '}' or ']') && line.Contains(':', StringComparison.Ordinal)
        && !line.StartsWith("---", StringComparison.Ordinal);
}
