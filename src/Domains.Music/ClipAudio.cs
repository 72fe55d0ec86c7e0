using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music;

/// <summary>Clips as sound: WAV renderings by the module's renderer (the built-in synthesizer, or FluidSynth when chosen).</summary>
public sealed class ClipAudio(Func<IAudioRenderer> renderer) : IItemAudio
{
    /// <inheritdoc/>
    public byte[] RenderWav(string text) => AudioRenderer.RenderClipText(text, renderer: renderer()).Wav;

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
        return RenderSequence(clips, renderer());
    }

    /// <summary>Silence between the clips of a played path, so that each step is heard as one.</summary>
    public static readonly TimeSpan StepGap = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// One WAV of <paramref name="clips"/> played one after another by <paramref name="renderer"/>: each clip rendered as it is played alone, then the
    /// renderings joined, each lasting at least its bars, with <see cref="StepGap"/> of silence after each (NAudio,
    /// <see cref="WavFiles.Concatenate"/>).
    /// </summary>
    internal static byte[] RenderSequence(IReadOnlyList<Clip> clips, IAudioRenderer renderer)
    {
        if (clips.Count == 0) throw new ArgumentException("A sequence needs at least one clip.", nameof(clips));
        return WavFiles.Concatenate(clips.Select(c => AudioRenderer.RenderScore(ClipMidi.ToScore(c), renderer).Wav).ToList(), StepGap,
            clips.Select(c => TimeSpan.FromSeconds(ClipMidi.Seconds(c))).ToList());
    }
}
