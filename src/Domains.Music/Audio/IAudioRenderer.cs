using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>Turns a score into stereo audio.</summary>
public interface IAudioRenderer
{
    /// <summary>Name shown to users, e.g. "built-in synthesizer" or "FluidSynth (TimGM6mb.sf2)".</summary>
    string Name { get; }

    /// <summary>Interleaved stereo samples (left, right) in -1..1 at <see cref="WavFiles.SampleRate"/>.</summary>
    float[] Render(MidiScore score);
}
