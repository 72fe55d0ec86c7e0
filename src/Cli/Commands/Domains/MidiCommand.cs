using System.CommandLine;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Cli.Commands.Domains;

/// <summary><c>latent midi inspect FILE [--json]</c> and <c>latent midi render FILE --out X.wav</c>.</summary>
public static class MidiCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A Standard MIDI File" };
        var inspect = new Command("inspect", "Format, tracks, resolution, notes, tempo events and duration of a MIDI file") { file, CommonOptions.Json };
        inspect.SetAction(parse =>
        {
            var bytes = Read(parse.GetValue(file)!);
            if (!MidiInspector.TryInspect(bytes, out var summary, out var error))
                throw new InvalidDataException(error ?? "unreadable MIDI file");
            context.Write(parse, summary!, w => w.WriteLine(summary!.ToText()));
            return CliErrors.Ok;
        });

        var renderFile = new Argument<string>("file") { Description = "A Standard MIDI File" };
        var output = new Option<string>("--out", "-o") { Description = "WAV file to write (16-bit)", Required = true };
        var fluidSynth = new Option<bool>("--fluidsynth") { Description = "Render with FluidSynth and a General MIDI soundfont when installed (else the built-in synthesizer, the default)" };
        var rate = new Option<int>("--rate") { Description = "Sample rate of the file (rendered at 44,100 Hz, then resampled; 8,000 to 192,000)", DefaultValueFactory = _ => WavFiles.SampleRate };
        var render = new Command("render", "Render a MIDI file to WAV") { renderFile, output, fluidSynth, rate };
        render.SetAction(parse =>
        {
            var bytes = Read(parse.GetValue(renderFile)!);
            var audio = AudioRenderer.RenderMidi(bytes, AudioRenderer.Detect(preferFluidSynth: parse.GetValue(fluidSynth)));
            var target = parse.GetRequiredValue(output);
            var sampleRate = parse.GetValue(rate);
            File.WriteAllBytes(target, sampleRate == WavFiles.SampleRate ? audio.Wav : WavFiles.Resample(audio.Wav, sampleRate));
            context.Error.WriteLine($"wrote {target}: {audio.Seconds:0.0} s at {sampleRate:N0} Hz with the {audio.Renderer}");
            return CliErrors.Ok;
        });
        return new Command("midi", "MIDI file commands") { inspect, render };
    }

    private static byte[] Read(string path) =>
        File.Exists(path) ? File.ReadAllBytes(path) : throw new FileNotFoundException($"No MIDI file at '{path}'.", path);
}
