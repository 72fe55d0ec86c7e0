namespace LatentWorkbench.Core.Domains;

/// <summary>How a domain's items are heard, offered through <see cref="IDomainModule.Audio"/>: renders an item to a WAV file.</summary>
public interface IItemAudio
{
    /// <summary>The bytes of a RIFF/WAVE file playing <paramref name="text"/>; throws <see cref="FormatException"/> for malformed text.</summary>
    byte[] RenderWav(string text);

    /// <summary>
    /// How long <paramref name="text"/> lasts when played, in seconds, not counting a release tail: where one item
    /// ends and the next begins when a collection plays in sequence (a path's playhead). Null when unknown or malformed.
    /// </summary>
    double? Seconds(string text) => null;

    /// <summary>
    /// One WAV file that plays <paramref name="texts"/> one after another, item k starting at the sum of the earlier
    /// items' <see cref="Seconds"/> ("play the path"); null when the domain cannot. Throws <see cref="FormatException"/>
    /// for malformed text.
    /// </summary>
    byte[]? RenderSequenceWav(IReadOnlyList<string> texts) => null;
}
