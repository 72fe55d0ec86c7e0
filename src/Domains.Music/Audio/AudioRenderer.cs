using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>
/// Entry points for <c>latent midi render</c> and the UI: the built-in synthesizer by default, or FluidSynth with a
/// General MIDI soundfont when asked for and both are installed; returns WAV bytes with the renderer's name.
/// </summary>
public static class AudioRenderer
{
    /// <summary>FluidSynth when <paramref name="preferFluidSynth"/> and it is installed, else the built-in synthesizer.</summary>
    public static IAudioRenderer Detect(bool preferFluidSynth = false) =>
        (preferFluidSynth ? FluidSynthRenderer.TryCreate() : null) as IAudioRenderer ?? new BuiltInSynth();

    /// <summary>Renders a score to a 44.1 kHz 16-bit stereo WAV file.</summary>
    public static RenderedAudio RenderScore(MidiScore score, IAudioRenderer? renderer = null)
    {
        renderer ??= Detect();
        var samples = renderer.Render(score);
        return new RenderedAudio(WavFiles.Write(samples, 2), renderer.Name, samples.Length / 2.0 / WavFiles.SampleRate);
    }

    /// <summary>Renders a MIDI file; throws <see cref="MidiFormatException"/> when it cannot be read.</summary>
    public static RenderedAudio RenderMidi(byte[] midi, IAudioRenderer? renderer = null) =>
        RenderScore(MidiScore.FromBytes(midi), renderer);

    /// <summary>
    /// Renders clip text at <paramref name="bpm"/>: notes below <paramref name="bassBelow"/> (MIDI pitch) play on an
    /// acoustic bass, the rest on a piano. Throws <see cref="FormatException"/> for malformed text.
    /// </summary>
    public static RenderedAudio RenderClipText(string text, double bpm = 120, int bassBelow = 0, IAudioRenderer? renderer = null)
    {
        var parsed = ClipText.Parse(text);
        var clip = parsed.Clip ?? throw new FormatException($"{parsed.Error} at character {parsed.Position}");
        var score = ClipMidi.ToScore(clip, bpm);
        if (bassBelow > 0)
        {
            var notes = score.Parts[0].Notes;
            score = score with
            {
                Parts =
                [
                    score.Parts[0] with { Name = "Piano", Notes = notes.Where(n => n.Pitch >= bassBelow).ToList() },
                    new MidiPart("Bass", 1, 32, notes.Where(n => n.Pitch < bassBelow).Select(n => n with { Channel = 1 }).ToList()),
                ],
            };
        }
        return RenderScore(score, renderer);
    }
}
