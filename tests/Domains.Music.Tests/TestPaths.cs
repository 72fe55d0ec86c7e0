namespace LatentWorkbench.Domains.Music.Tests;

/// <summary>The repository root and the shared MIDI data beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot => LatentWorkbench.Tests.Checkout.Root;

    /// <summary>../shared/data/midi relative to the repository root.</summary>
    public static string SharedMidi => Path.Combine(LatentWorkbench.Tests.Checkout.SharedFolder, "data", "midi");

    public static bool HasSharedMidi => Directory.Exists(SharedMidi);

    public static string SkipMessage => $"shared MIDI data not found at {SharedMidi}";

    public static IReadOnlyList<string> SharedMidiFiles() =>
        HasSharedMidi
            ? Directory.EnumerateFiles(SharedMidi, "*.mid", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
}
