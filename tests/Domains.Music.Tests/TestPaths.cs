namespace LatentWorkbench.Domains.Music.Tests;

/// <summary>Locates the repository root (the folder holding LatentWorkbench.sln) and the shared data next to it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared/data/midi relative to the repository root.</summary>
    public static string SharedMidi => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "midi"));

    public static bool HasSharedMidi => Directory.Exists(SharedMidi);

    public static string SkipMessage => $"shared MIDI data not found at {SharedMidi}";

    public static IReadOnlyList<string> SharedMidiFiles() =>
        HasSharedMidi
            ? Directory.EnumerateFiles(SharedMidi, "*.mid", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LatentWorkbench.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("LatentWorkbench.sln not found above the test binaries");
    }
}
