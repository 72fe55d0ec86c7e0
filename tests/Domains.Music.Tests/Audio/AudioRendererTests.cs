using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Tests.Audio;

public class AudioRendererTests
{
    private const string Clip = "M4 BAR P0 N36 D12 V3 N60 D24 V3 N64 D24 V3 N67 D24 V3 P12 N43 D12 V3 P24 N48 D12 V3 N72 D6 V4 P30 N72 D6 V2 P36 N43 D12 V3";

    [Fact]
    public void WavWriter_WritesPcmHeaderAndSamples()
    {
        var wav = WavWriter.Write([0f, 1f, -1f, 0.5f], 2);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(44_100, BitConverter.ToInt32(wav, 24));
        Assert.Equal(16, BitConverter.ToInt16(wav, 34));
        Assert.Equal(8, BitConverter.ToInt32(wav, 40));
        Assert.Equal([0, 32767, -32767, 16384], Enumerable.Range(0, 4).Select(i => (int)BitConverter.ToInt16(wav, 44 + 2 * i)));
    }

    [Fact]
    public void BuiltInSynth_RendersWithoutClicks_AndFadesToSilence()
    {
        var audio = AudioRenderer.RenderClipText(Clip, bpm: 120, bassBelow: 48, renderer: new BuiltInSynth());
        Assert.Equal("built-in synthesizer", audio.Renderer);
        Assert.InRange(audio.Seconds, 2.0, 2.3);
        var samples = Samples(audio.Wav);
        float peak = samples.Max(Math.Abs);
        Assert.InRange(peak, 0.05f, 0.9f);
        // A click is a jump much larger than the steepest partial allows: 2*pi*f/rate times the peak (f <= 6 kHz here).
        float maxJump = samples.Skip(2).Select((x, i) => Math.Abs(x - samples[i])).Max();
        Assert.True(maxJump < peak * 2 * MathF.PI * 6000 / 44_100, $"jump {maxJump} with peak {peak}");
        Assert.True(samples.TakeLast(200).All(x => Math.Abs(x) < 1e-3f));
        Assert.Equal(0f, samples[0]);
    }

    [Fact]
    public void BuiltInSynth_PlaysLouderForHigherVelocity()
    {
        double Loudness(string velocity) => Rms(Samples(AudioRenderer.RenderClipText($"M4 BAR P0 N60 D24 {velocity}", renderer: new BuiltInSynth()).Wav));
        Assert.True(Loudness("V4") > 1.5 * Loudness("V1"));
    }

    [SkippableFact]
    public void FluidSynth_RendersClip_WhenLibraryAndSoundFontInstalled()
    {
        var renderer = FluidSynthRenderer.TryCreate();
        Skip.If(renderer is null, "FluidSynth (libfluidsynth.so.3) or a GM soundfont (.sf2) is not installed");
        var audio = AudioRenderer.RenderClipText(Clip, bassBelow: 48, renderer: renderer);
        Assert.StartsWith("FluidSynth", audio.Renderer);
        Assert.StartsWith("FluidSynth", AudioRenderer.Detect().Name);
        var samples = Samples(audio.Wav);
        Assert.True(Rms(samples) > 1e-3);
        Assert.InRange(audio.Seconds, 2.0, 2.0 + FluidSynthRenderer.TailSeconds + 0.1);
    }

    [Fact]
    public void Detect_GivesBuiltInSynth_WhenFluidSynthNotWanted()
    {
        Assert.IsType<BuiltInSynth>(AudioRenderer.Detect(preferFluidSynth: false));
        var score = MidiScore.FromBytes(ClipMidi.TextToMidiBytes(Clip));
        Assert.Equal(AudioRenderer.RenderScore(score, new BuiltInSynth()).Wav, AudioRenderer.RenderMidi(ClipMidi.TextToMidiBytes(Clip), new BuiltInSynth()).Wav);
    }

    private static float[] Samples(byte[] wav) =>
        Enumerable.Range(0, (wav.Length - 44) / 2).Select(i => BitConverter.ToInt16(wav, 44 + 2 * i) / 32767f).ToArray();

    private static double Rms(float[] x) => Math.Sqrt(x.Average(v => (double)v * v));
}
