namespace LatentWorkbench.Core.Domains;

/// <summary>How a domain's items are heard, offered through <see cref="IDomainModule.Audio"/>: renders an item to a WAV file.</summary>
public interface IItemAudio
{
    /// <summary>The bytes of a RIFF/WAVE file playing <paramref name="text"/>; throws <see cref="FormatException"/> for malformed text.</summary>
    byte[] RenderWav(string text);
}
