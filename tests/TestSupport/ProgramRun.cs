namespace LatentWorkbench.Tests;

/// <summary>How an external program run by <see cref="ExternalProgram"/> ended: its exit code and everything it wrote.</summary>
/// <param name="Command">The command line, for messages.</param>
/// <param name="ExitCode">The process's exit code (0: success).</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Errors">Everything written to standard error.</param>
internal sealed record ProgramRun(string Command, int ExitCode, string Output, string Errors)
{
    /// <summary>This run when it exited with 0; otherwise throws, naming the command and showing its output, so the test fails.</summary>
    public ProgramRun EnsureSucceeded() => ExitCode == 0 ? this
        : throw new InvalidOperationException($"{Command} failed (exit code {ExitCode}):\n{Errors}\n{Output}");
}
