namespace LatentWorkbench.Music.Bench;

/// <summary>MIDI files held in memory for the benchmark, and the pieces rendered to audio.</summary>
internal sealed record BenchCorpus(string Description, IReadOnlyList<byte[]> Files, IReadOnlyList<byte[]> RenderSet)
{
    public long TotalBytes => Files.Sum(f => (long)f.Length);

    /// <summary>
    /// The folder given, else ../shared/data/midi next to the repository, else sample-data/music. Renders the
    /// committed samples (the same on every machine) plus, when shared data is there, the first 3 piano pieces.
    /// </summary>
    public static BenchCorpus Load(string? folder)
    {
        string root = FindRepoRoot();
        string shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "midi"));
        string samples = Path.Combine(root, "sample-data", "music");
        string chosen = folder ?? (Directory.Exists(shared) ? shared : samples);
        var files = Read(chosen);
        var render = Read(samples).ToList();
        string piano = Path.Combine(shared, "classical", "piano-midi.de");
        if (folder is null && Directory.Exists(piano))
        {
            render.AddRange(Read(piano).Take(3));
        }
        return new BenchCorpus(chosen, files, render);
    }

    private static List<byte[]> Read(string folder) =>
        Directory.EnumerateFiles(folder, "*.mid", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LatentWorkbench.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
