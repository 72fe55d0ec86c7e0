// Music benchmark: prints one JSON line with MIDI parse throughput (the project's reader, and NAudio.Midi for
// comparison), how both readers fail on damaged copies, built-in synth speed with WAV writing (one core), and the time
// to render one two-bar clip with the built-in synth and, where it is installed, with FluidSynth.
using System.Text.Json;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Music.Bench;

var corpus = BenchCorpus.Load(args.Length > 0 ? args[0] : null);
var (timesRealTime, audioSeconds) = MusicBenchmarks.Render(corpus.RenderSet);
var result = new Dictionary<string, object>
{
    ["corpus"] = corpus.Description,
    ["files"] = corpus.Files.Count,
    ["bytes"] = corpus.TotalBytes,
    ["parse_mb_per_s"] = Math.Round(MusicBenchmarks.ParseMegabytesPerSecond(corpus), 1),
    ["parse_and_notes_mb_per_s"] = Math.Round(MusicBenchmarks.ScoreMegabytesPerSecond(corpus), 1),
    ["naudio_parse_mb_per_s"] = Math.Round(MusicBenchmarks.NAudioParseMegabytesPerSecond(corpus), 1),
    ["damaged_files"] = MusicBenchmarks.DamagedFiles(corpus),
    ["render_x_realtime"] = Math.Round(timesRealTime, 1),
    ["render_audio_seconds"] = Math.Round(audioSeconds, 1),
    ["renderer"] = "built-in synthesizer",
    ["clip_render_ms_built_in"] = Math.Round(MusicBenchmarks.ClipMilliseconds(new BuiltInSynth()), 2),
};
if (FluidSynthRenderer.TryCreate() is { } fluid) result["clip_render_ms_fluidsynth"] = Math.Round(MusicBenchmarks.ClipMilliseconds(fluid), 2);
Console.WriteLine(JsonSerializer.Serialize(result));
