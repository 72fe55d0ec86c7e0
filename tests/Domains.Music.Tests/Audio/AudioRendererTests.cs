using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Tests.Audio;

public class AudioRendererTests
{
    private const string Clip = "M4 BAR P0 N36 D12 V3 N60 D24 V3 N64 D24 V3 N67 D24 V3 P12 N43 D12 V3 P24 N48 D12 V3 N72 D6 V4 P30 N72 D6 V2 P36 N43 D12 V3";

    [Fact]
    public void Write_Gives16BitPcm_ThatReadsBackWithinOneStep_AndClipsOutOfRangeSamples()
    {
        var wav = WavFiles.Write([0f, 1f, -1f, 0.5f, 1.5f, -2f], 2);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(wav, 8, 4));
        var (samples, format) = WavFiles.Read(wav);
        Assert.Equal((44_100, 2), (format.SampleRate, format.Channels));
        float[] expected = [0f, 1f, -1f, 0.5f, 1f, -1f];
        Assert.Equal(expected.Length, samples.Length);
        for (int i = 0; i < expected.Length; i++) Assert.InRange(samples[i], expected[i] - 2f / 32768, expected[i] + 2f / 32768);
        Assert.Throws<ArgumentOutOfRangeException>(() => WavFiles.Write([0f], 0));
    }

    [Fact]
    public void Concatenate_PlaysFilesInARow_WithTheGapAfterEach()
    {
        var a = WavFiles.Write(Enumerable.Repeat(0.25f, 2 * 4410).ToArray(), 2);
        var b = WavFiles.Write(Enumerable.Repeat(-0.5f, 2 * 8820).ToArray(), 2);
        var (samples, format) = WavFiles.Read(WavFiles.Concatenate([a, b], TimeSpan.FromMilliseconds(100)));
        Assert.Equal(2, format.Channels);
        Assert.Equal(2 * (4410 + 4410 + 8820 + 4410), samples.Length);
        Assert.InRange(samples[0], 0.249f, 0.251f);
        Assert.Equal(0f, samples[2 * 4410 + 10]);
        Assert.InRange(samples[2 * 8820 + 10], -0.501f, -0.499f);
        Assert.Throws<ArgumentException>(() => WavFiles.Concatenate([a, WavFiles.Write([0f, 0f], 1)], TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => WavFiles.Concatenate([], TimeSpan.Zero));
    }

    [Fact]
    public void Resample_ToHalfTheRate_HalvesTheFrames_AndKeepsATone()
    {
        var tone = Enumerable.Range(0, 44_100).SelectMany(i => Enumerable.Repeat((float)(0.5 * Math.Sin(2 * Math.PI * 440 * i / 44_100)), 2)).ToArray();
        var (samples, format) = WavFiles.Read(WavFiles.Resample(WavFiles.Write(tone, 2), 22_050));
        Assert.Equal(22_050, format.SampleRate);
        Assert.InRange(samples.Length / 2, 22_050 - 64, 22_050 + 64);
        Assert.InRange(samples.Skip(2000).Take(20_000).Max(), 0.45f, 0.55f);
        Assert.Throws<ArgumentOutOfRangeException>(() => WavFiles.Resample(WavFiles.Write(tone, 2), 100));
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
        Assert.StartsWith("FluidSynth", AudioRenderer.Detect(preferFluidSynth: true).Name);
        Assert.Equal(new BuiltInSynth().Name, AudioRenderer.Detect().Name); // the built-in synthesizer is the default
        var samples = Samples(audio.Wav);
        Assert.True(Rms(samples) > 1e-3);
        Assert.InRange(audio.Seconds, 2.0, 2.0 + FluidSynthRenderer.TailSeconds + 0.1);
    }

    [SkippableFact]
    public async Task FluidSynth_AKeptSynth_RendersAsANewOneWould_AlsoFromSeveralThreads()
    {
        var renderer = FluidSynthRenderer.TryCreate();
        Skip.If(renderer is null, "FluidSynth (libfluidsynth.so.3) or a GM soundfont (.sf2) is not installed");
        // A loud chord held to the end leaves reverb and release tails behind; the next render must not hear them.
        const string Loud = "M4 BAR P0 N48 D96 V4 N55 D96 V4 N64 D96 V4";
        float[] Render(string clip) => Samples(AudioRenderer.RenderClipText(clip, bassBelow: 48, renderer: renderer).Wav);
        var first = Render(Clip);
        Render(Loud);
        AssertSame(first, Render(Clip));
        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Render(i % 2 == 0 ? Clip : Loud))));
        Assert.All(together.Where((_, i) => i % 2 == 0), samples => AssertSame(first, samples));
        Assert.InRange(FluidSynthRenderer.KeptSynths, 1, 4);

        // Same length, and every sample within 1/500 of full scale (-54 dB; the reverb's modulation keeps running
        // between renders, so a kept synth is not bit-identical to a new one); notes start on the same frames.
        static void AssertSame(float[] expected, float[] actual)
        {
            Assert.Equal(expected.Length, actual.Length);
            var worst = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= 2e-3, $"a sample differs by {worst:0.0000} of full scale");
        }
    }

    [Fact]
    public void MusicModule_SoundsWithTheBuiltInSynth_UnlessFluidSynthIsChosen()
    {
        var builtIn = AudioRenderer.RenderClipText(Clip, renderer: new BuiltInSynth()).Wav;
        Assert.Equal(builtIn, new MusicModule().Audio!.RenderWav(Clip));
        var chosen = new MusicModule(fluidSynth: true).Audio!.RenderWav(Clip);
        if (FluidSynthRenderer.TryCreate() is null) Assert.Equal(builtIn, chosen);   // chosen but not installed: the built-in synth
        else Assert.NotEqual(builtIn, chosen);
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
