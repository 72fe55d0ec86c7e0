using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Reads MIDI files (one file or a folder, recursively) into clip records: clip text, attribute values
/// (<see cref="MusicPropertyCalculator"/>) and a style tag taken from the folder names (jazz, classical, folk).
/// Performed solos with a beat table (see <see cref="BeatTableFinder"/>) are aligned to it; other files are cut on
/// their own grid. With augmentation each clip also comes transposed by three distinct shifts in -6..+6 semitones.
/// </summary>
/// <param name="barsPerClip">Clip length in bars (2 or 4 are the trained sizes).</param>
public sealed class MusicDatasetReader(int barsPerClip = 4) : IDatasetReader
{
    /// <summary>Clip length in bars.</summary>
    public int BarsPerClip => barsPerClip;

    /// <summary>Style tags recognised in folder names.</summary>
    public static IReadOnlyList<string> Styles { get; } = ["jazz", "classical", "folk"];

    /// <inheritdoc />
    public IEnumerable<TrainingRecord> Read(string path, DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var files = File.Exists(path)
            ? [path]
            : Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".mid", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".midi", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
        var finder = new BeatTableFinder();
        var rng = new Random(options.Seed);
        int emitted = 0;
        foreach (var file in files)
        {
            foreach (var record in ReadFile(file, finder, options.Augment, rng))
            {
                yield return record;
                if (options.Limit > 0 && ++emitted >= options.Limit)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>The clips of one file (no augmentation); its style tags are <see cref="TagsOf"/>.</summary>
    public IReadOnlyList<Clip> ClipsOf(string file) => Cut(file, new BeatTableFinder());

    /// <summary>Style tags of a path: the names in <see cref="Styles"/> that appear as one of its folder names.</summary>
    public static IReadOnlyList<string> TagsOf(string file)
    {
        var parts = Path.GetFullPath(file).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        return Styles.Where(s => parts.Any(p => p.Equals(s, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private IEnumerable<TrainingRecord> ReadFile(string file, BeatTableFinder finder, bool augment, Random rng)
    {
        var tags = TagsOf(file);
        foreach (var clip in Cut(file, finder))
        {
            yield return Record(clip, tags);
            if (!augment)
            {
                continue;
            }
            var shifts = Enumerable.Range(-6, 13).Where(s => s != 0).OrderBy(_ => rng.Next()).Take(3);
            foreach (int shift in shifts)
            {
                if (clip.Transpose(shift) is { } moved)
                {
                    yield return Record(moved, tags);
                }
            }
        }
    }

    /// <summary>The clips of a MIDI file's bytes (no beat table); <paramref name="name"/> names the file in errors.</summary>
    public IReadOnlyList<Clip> ClipsOf(byte[] content, string name) => Cut(content, name, null);

    private List<Clip> Cut(string file, BeatTableFinder finder) => Cut(File.ReadAllBytes(file), file, finder.Find(file));

    private List<Clip> Cut(byte[] content, string name, BeatGrid? beats)
    {
        MidiScore score;
        try
        {
            score = MidiScore.FromBytes(content);
        }
        catch (MidiFormatException ex)
        {
            throw new InvalidDataException($"{name}: {ex.Message}", ex);
        }
        var clips = beats is null
            ? ClipCutter.Cut(score, barsPerClip)
            : ClipCutter.CutAligned(score, beats, barsPerClip);
        return [.. clips];
    }

    private static TrainingRecord Record(Clip clip, IReadOnlyList<string> tags)
    {
        string text = ClipText.ToText(clip);
        var canonical = ClipText.Parse(text).Clip ?? clip;
        return new TrainingRecord(text, MusicPropertyCalculator.ComputeClip(canonical), tags);
    }
}
