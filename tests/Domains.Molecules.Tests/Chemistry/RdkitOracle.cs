using LatentWorkbench.Tests;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

/// <summary>
/// RDKit through Python (Debian: python3-rdkit for /usr/bin/python3, or any python3 on PATH that has RDKit), the
/// reference the chemistry toolkit is checked against. Tests skip when it is absent (<see cref="Missing"/>); an
/// installed oracle that fails fails the test (<see cref="Run"/> throws).
/// </summary>
internal static class RdkitOracle
{
    private static readonly string[] Candidates = ["/usr/bin/python3", "python3"];

    private static readonly Lazy<string?> Python = new(Find);

    /// <summary>Why the oracle cannot run here (no python3 with RDKit), or null when it can.</summary>
    public static string? Missing => Python.Value is null
        ? $"RDKit oracle not available: none of {string.Join(", ", Candidates)} can import rdkit (Debian: apt install python3-rdkit)"
        : null;

    /// <summary>Runs Python with <paramref name="arguments"/> (a script and its arguments, or -c and code); throws when it fails.</summary>
    public static ProgramRun Run(params string[] arguments)
    {
        var python = Python.Value ?? throw new InvalidOperationException(Missing);
        return (ExternalProgram.TryRun(python, arguments) ?? throw new InvalidOperationException($"{python} could not be started.")).EnsureSucceeded();
    }

    /// <summary>The first candidate that imports RDKit; one that is installed but fails otherwise (a broken RDKit) throws.</summary>
    private static string? Find()
    {
        foreach (var python in Candidates)
        {
            var run = ExternalProgram.TryRun(python, ["-c", "import rdkit.Chem"]);
            if (run is null || (run.ExitCode != 0 && run.Errors.Contains("No module named 'rdkit'", StringComparison.Ordinal))) continue;
            run.EnsureSucceeded();
            return python;
        }
        return null;
    }
}
