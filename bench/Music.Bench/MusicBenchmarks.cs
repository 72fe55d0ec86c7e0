using System.Diagnostics;
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

    /// <summary>Audio seconds rendered per wall-clock second by the built-in synthesizer on one thread, and the audio length.</summary>
    public static (double TimesRealTime, double AudioSeconds) Render(IReadOnlyList<byte[]> files)
    {
        var scores = files.Select(MidiScore.FromBytes).ToList();
        var synth = new BuiltInSynth();
        double audio = scores.Sum(s => synth.Render(s).Length / 2.0 / WavFiles.SampleRate);
        return (audio / BestSeconds(() => scores.ForEach(s => synth.Render(s)), passes: 2), audio);
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
