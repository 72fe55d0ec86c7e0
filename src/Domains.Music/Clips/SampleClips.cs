using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// The sample pieces the project writes itself (committed as MIDI under <c>sample-data/music/jazz/</c> and
/// <c>sample-data/music/classical/</c>): 12 original jazz pieces (comping, walking bass, solo) and 14 public-domain
/// melodies with a written left hand. Deterministic: regenerating gives byte-identical files.
/// </summary>
public static class SampleClips
{
    /// <summary>Every sample, jazz first, then classical.</summary>
    public static IReadOnlyList<SampleClip> All() => [.. JazzSamples.All(), .. ClassicalSamples.All()];

    /// <summary>Relative path of a sample's file under <c>sample-data/music/</c>, e.g. <c>jazz/ii-v-i-in-c.mid</c>.</summary>
    public static string RelativePath(SampleClip sample) => Path.Combine(sample.Style, sample.Name + ".mid");

    /// <summary>The MIDI file bytes of every sample, keyed by <see cref="RelativePath"/>.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files() => All().ToDictionary(RelativePath, s => MidiWriter.Write(s.Score));

    /// <summary>Writes every sample's MIDI file under <paramref name="folder"/> (creating <c>jazz/</c> and <c>classical/</c>).</summary>
    public static void WriteTo(string folder)
    {
        foreach (var (path, bytes) in Files())
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    /// <summary>
    /// Each sample as an item named as a musician would look for it (e.g. "Beethoven, Symphony No. 9, finale theme,
    /// bars 1-2"): the clip text of its first <paramref name="bars"/> bars (all parts merged), tagged with its style.
    /// </summary>
    public static IReadOnlyList<SampleItem> Items(int bars = ClipVocabulary.MaxBars) =>
        All().Select(s => new SampleItem($"{s.Title}, {(bars == 1 ? "bar 1" : $"bars 1-{bars}")}", ClipMidi.MidiBytesToText(MidiWriter.Write(s.Score), bars), [s.Style])).ToList();
}
