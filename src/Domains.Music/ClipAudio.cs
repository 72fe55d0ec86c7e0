using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music;

/// <summary>Clips as sound: a WAV rendering (FluidSynth with a General MIDI sound font when installed, else the built-in synth).</summary>
public sealed class ClipAudio : IItemAudio
{
    /// <inheritdoc/>
    public byte[] RenderWav(string text) => AudioRenderer.RenderClipText(text).Wav;

    /// <inheritdoc/>
    public double? Seconds(string text) => ClipText.Parse(text).Clip is { } clip ? ClipMidi.Seconds(clip) : null;

    /// <inheritdoc/>
    public byte[]? RenderSequenceWav(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var clips = new List<Clip>();
        foreach (var text in texts)
        {
            var parsed = ClipText.Parse(text);
            clips.Add(parsed.Clip ?? throw new FormatException($"{parsed.Error} at character {parsed.Position}"));
        }
        return RenderSequence(clips);
    }

    /// <summary>One WAV of <paramref name="clips"/> played one after another (<see cref="ClipMidi.Sequence"/>).</summary>
    internal static byte[] RenderSequence(IReadOnlyList<Clip> clips) => AudioRenderer.RenderScore(ClipMidi.Sequence(clips)).Wav;
}
