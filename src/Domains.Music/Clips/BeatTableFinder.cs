namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Finds the beat table of a performed solo: a CSV in a sibling folder (e.g. <c>wjazzd-beats-chords/</c> next to
/// <c>wjazzd-solos/</c>) whose name matches the MIDI file's name ignoring case and punctuation, or, when exactly one
/// CSV name extends it (<c>Aisha</c> and <c>Aisha_solo</c>), that one. Keeps a per-folder index; not thread-safe.
/// </summary>
public sealed class BeatTableFinder
{
    private readonly Dictionary<string, Dictionary<string, string>> _indexes = [];

    /// <summary>The beat grid for <paramref name="midiPath"/>, or <c>null</c> when no table matches.</summary>
    public BeatGrid? Find(string midiPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(midiPath));
        var parent = folder is null ? null : Path.GetDirectoryName(folder);
        if (parent is null)
        {
            return null;
        }
        if (!_indexes.TryGetValue(parent, out var index))
        {
            index = CsvFilesBeside(parent)
                .GroupBy(f => Normalize(Path.GetFileNameWithoutExtension(f)))
                .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).First());
            _indexes[parent] = index;
        }
        string key = Normalize(Path.GetFileNameWithoutExtension(midiPath));
        if (!index.TryGetValue(key, out var csv))
        {
            var extended = index.Keys.Where(k => k.StartsWith(key, StringComparison.Ordinal)).Take(2).ToList();
            csv = extended.Count == 1 ? index[extended[0]] : null;
        }
        return csv is null ? null : BeatGrid.Parse(File.ReadAllText(csv));
    }

    /// <summary>
    /// The CSV files in the folders of <paramref name="parent"/>. A folder that cannot be read, or that goes away while
    /// it is read (a temporary folder beside the user's file), holds no table rather than failing the file.
    /// </summary>
    private static List<string> CsvFilesBeside(string parent)
    {
        var files = new List<string>();
        string[] folders;
        try { folders = Directory.GetDirectories(parent); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return files; }
        foreach (var folder in folders)
        {
            try { files.AddRange(Directory.GetFiles(folder, "*.csv")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return files;
    }

    private static string Normalize(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
