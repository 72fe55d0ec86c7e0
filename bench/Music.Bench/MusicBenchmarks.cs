using System.Diagnostics;
using LatentWorkbench.Domains.Music;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Music.Bench;

/// <summary>Timed loops: best of a few passes, each pass over the whole corpus, after one warm-up pass.</summary>
internal static class MusicBenchmarks
{
    private const int Passes = 5;

    public static double ParseMegabytesPerSecond(BenchCorpus corpus) =>
        corpus.TotalBytes / 1e6 / BestSeconds(() =>
        {
            foreach (var f in corpus.Files)
            {
                MidiReader.Read(f);
            }
        });

    public static double ScoreMegabytesPerSecond(BenchCorpus corpus) =>
        corpus.TotalBytes / 1e6 / BestSeconds(() =>
        {
            foreach (var f in corpus.Files)
            {
                MidiScore.FromBytes(f);
            }
        });

    /// <summary>
    /// Audio seconds rendered per wall-clock second by the built-in synthesizer on one thread, WAV file included
    /// (level and 16-bit writing on NAudio), and the audio length.
    /// </summary>
    public static (double TimesRealTime, double AudioSeconds) Render(IReadOnlyList<byte[]> files)
    {
        var scores = files.Select(MidiScore.FromBytes).ToList();
        var synth = new BuiltInSynth();
        double audio = scores.Sum(s => AudioRenderer.RenderScore(s, synth).Seconds);
        return (audio / BestSeconds(() => scores.ForEach(s => AudioRenderer.RenderScore(s, synth)), passes: 2), audio);
    }

    /// <summary>
    /// Milliseconds to render one of the music domain's sample clips (two bars, as the web app renders every point of a
    /// path) to WAV with <paramref name="renderer"/>, the best of three passes over the samples.
    /// </summary>
    public static double ClipMilliseconds(IAudioRenderer renderer)
    {
        var clips = new MusicModule().Samples.Select(s => s.Text).ToList();
        return 1000 * BestSeconds(() => clips.ForEach(c => AudioRenderer.RenderClipText(c, renderer: renderer)), passes: 3) / clips.Count;
    }

    /// <summary>The same corpus read by NAudio.Midi's <c>MidiFile</c> (the tests' second oracle), for comparison.</summary>
    public static double NAudioParseMegabytesPerSecond(BenchCorpus corpus) =>
        corpus.TotalBytes / 1e6 / BestSeconds(() =>
        {
            foreach (var f in corpus.Files)
            {
                _ = new NAudio.Midi.MidiFile(new MemoryStream(f, writable: false), strictChecking: false);
            }
        }, passes: 2);

    /// <summary>
    /// Damaged copies of the corpus's first files (cut short, a chunk length that overruns, a track of noise), read by
    /// both readers: how each fails, by exception type. The project's reader should give one kind of error, naming the
    /// byte offset; anything it accepts is counted as read.
    /// </summary>
    public static Dictionary<string, Dictionary<string, int>> DamagedFiles(BenchCorpus corpus, int files = 70)
    {
        var damaged = corpus.Files.Take(files).SelectMany(Damage).ToList();
        var ours = new Dictionary<string, int>();
        var naudio = new Dictionary<string, int>();
        foreach (var bytes in damaged)
        {
            Count(ours, () => MidiReader.Read(bytes));
            Count(naudio, () => _ = new NAudio.Midi.MidiFile(new MemoryStream(bytes, writable: false), strictChecking: false));
        }
        return new() { ["project_reader"] = ours, ["naudio"] = naudio };
    }

    private static IEnumerable<byte[]> Damage(byte[] file)
    {
        yield return file[..(file.Length * 3 / 5)];
        var overrun = (byte[])file.Clone();
        if (overrun.Length > 22) overrun[21] = 0x7F; // the first track's length (bytes 18-21), now past the end
        yield return overrun;
        var noise = (byte[])file.Clone();
        var random = new Random(file.Length);
        for (int i = 22; i < noise.Length; i += 7) noise[i] = (byte)random.Next(256);
        yield return noise;
    }

    private static void Count(Dictionary<string, int> counts, Action read)
    {
        string outcome;
        try
        {
            read();
            outcome = "read";
        }
        catch (Exception e)
        {
            outcome = e.GetType().Name;
        }
        counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
    }

    private static double BestSeconds(Action pass, int passes = Passes)
    {
        pass();
        double best = double.MaxValue;
        for (int i = 0; i < passes; i++)
        {
            var clock = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
