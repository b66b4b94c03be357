using Slipway.Adapters.Processes;
using Slipway.Core.Errors;

namespace Slipway.Adapters.Git;

/// <summary>Turns a failed git invocation into a one-line error that names the git command and what git said.</summary>
internal static class GitError
{
    public static SlipwayException From(IReadOnlyList<string> arguments, ProcessResult result, ExitCode code = ExitCode.Failed, string? fix = null)
    {
        var said = result.LastErrorLine;
        if (StaleLock.Line(result.StandardError) is { } line)
        {
            // Git's last line ("remove the file manually to continue") does not name the file; the line before it does.
            said = line;
            fix ??= StaleLock.Fix(StaleLock.Named(result.StandardError)!);
        }

        var what = $"git {string.Join(' ', arguments.Take(2))} failed (exit {result.ExitCode})" + (said.Length > 0 ? $": {said}" : string.Empty);
        return new SlipwayException(new SlipwayError(code, what, fix, result.StandardError));
    }
}
