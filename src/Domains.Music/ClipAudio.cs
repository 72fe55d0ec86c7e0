using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Audio;

namespace LatentWorkbench.Domains.Music;

/// <summary>Clips as sound: a WAV rendering (FluidSynth with a General MIDI sound font when installed, else the built-in synth).</summary>
public sealed class ClipAudio : IItemAudio
{
    /// <inheritdoc/>
    public byte[] RenderWav(string text) => AudioRenderer.RenderClipText(text).Wav;
}
