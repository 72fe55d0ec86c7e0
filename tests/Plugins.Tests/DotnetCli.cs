using LatentWorkbench.Tests;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>Runs the <c>dotnet</c> that runs the tests (publish, new, build) and fails with its output.</summary>
public static class DotnetCli
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>; returns its output, throws when it fails.</summary>
    public static string Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var run = ExternalProgram.TryRun(dotnet, args, workingDirectory: workingDirectory, environment: environment, timeout: TimeSpan.FromMinutes(30))
            ?? throw new InvalidOperationException($"{dotnet} could not be started.");
        var output = run.Output + run.Errors;
        if (run.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({run.ExitCode}):\n{output}");
        return output;
    }
}
