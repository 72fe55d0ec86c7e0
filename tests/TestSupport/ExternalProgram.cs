using System.ComponentModel;
using System.Diagnostics;

namespace LatentWorkbench.Tests;

/// <summary>
/// Runs an external program (an oracle such as RDKit through python3 or npm parsers through node, or the dotnet CLI)
/// and reads its standard output and standard error at the same time, so neither pipe can fill and block the other.
/// A program that cannot be started is absent (tests skip); one that starts and fails is a failure (see
/// <see cref="ProgramRun.EnsureSucceeded"/>). Compiled into every test project (tests/Directory.Build.props).
/// </summary>
internal static class ExternalProgram
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Runs <paramref name="program"/> (a path, or a name looked up on PATH) to its end, writing <paramref name="input"/>
    /// to its standard input when given. Returns null when the program cannot be started (not installed); throws
    /// <see cref="TimeoutException"/> after killing it when it runs past <paramref name="timeout"/> (10 minutes by default).
    /// </summary>
    public static ProgramRun? TryRun(string program, IReadOnlyList<string> arguments, string? input = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = input is not null, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var command = string.Join(' ', [program, .. arguments]);
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return null;
        }
        using var process = started ?? throw new InvalidOperationException($"{command} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            try
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // It exited without reading all of its input: its exit code and standard error say why.
            }
        }
        if (!Task.WaitAll([output, errors], timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish in {timeout ?? DefaultTimeout}.");
        }
        process.WaitForExit();
        return new ProgramRun(command, process.ExitCode, output.Result, errors.Result);
    }
}
