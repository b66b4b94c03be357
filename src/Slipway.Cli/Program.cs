using System.CommandLine;
using Slipway.Adapters.Processes;
using Slipway.Cli;
using Slipway.Cli.Usage;

var root = CommandTree.Create();

// No response files: an argument such as "@{-1}" (a tag name, a version from CI) must be a value, never a file to read.
var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parseResult.Errors.Count > 0)
{
    // Usage errors: one line that says which word is wrong, what was probably meant and where to look, exit 2.
    Console.Error.WriteLine($"slipway: {UsageMessage.For(parseResult)}");
    return 2;
}

// A command runs for milliseconds and keeps most of what it allocates to the end (ten thousand tags, the commits of a walk):
// a collection in the middle would only copy live objects and stop the thread reading ahead (bench/README.md). No collection
// in the first 16 MB (entering costs ~0.1 ms); past them, or in a long-running deploy, the GC works as usual.
try
{
    _ = GC.TryStartNoGCRegion(16 << 20);
}
catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
{
    // Already in one (never, from here), or the runtime has less room (a hard heap limit): collections as usual.
}

// Ctrl-C, SIGTERM and SIGQUIT are Slipway's own (Termination), not System.CommandLine's: its handler ends the process two
// seconds after the signal whatever is running (a push would finish behind our back) and gives SIGTERM the code of SIGINT.
using var termination = Termination.Install();
return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, termination.Requested).ConfigureAwait(false);
