namespace LatentWorkbench.Core.Domains;

/// <summary>Optional capability of a module whose items can be heard: renders an item to a WAV file.</summary>
public interface IItemAudio
{
    /// <summary>The bytes of a RIFF/WAVE file playing <paramref name="text"/>; throws <see cref="FormatException"/> for malformed text.</summary>
    byte[] RenderWav(string text);
}
