using System.Text.Json;

namespace Slipway.Tests.Fixtures;

/// <summary>The corpus of ../shared/conformance/hostile-inputs.json: commit messages and ref names that try to inject.</summary>
public static class HostileInputs
{
    private static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllText(SharedFiles.Conformance("hostile-inputs.json"))).RootElement;

    public static IReadOnlyList<string> CommitMessages { get; } =
        Root.GetProperty("commit_messages").EnumerateArray().Select(e => e.GetString()!).ToList();

    public static IReadOnlyList<string> RefNames { get; } =
        Root.GetProperty("ref_names").EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>Indexes into <see cref="CommitMessages"/>, as theory data (the index names the case).</summary>
    public static TheoryData<int> CommitMessageCases() => Indexes(CommitMessages.Count);

    public static TheoryData<int> RefNameCases() => Indexes(RefNames.Count);

    /// <summary>Whether git itself accepts the name as a branch name.</summary>
    public static bool GitAcceptsBranch(string name) =>
        Run.Process("git", ["check-ref-format", "refs/heads/" + name], Path.GetTempPath()).ExitCode == 0 && !name.StartsWith('-');

    private static TheoryData<int> Indexes(int count)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < count; i++)
        {
            data.Add(i);
        }

        return data;
    }
}
