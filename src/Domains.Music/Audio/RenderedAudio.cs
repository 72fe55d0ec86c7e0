namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>A rendered WAV file and the renderer that made it.</summary>
/// <param name="Wav">16-bit stereo PCM WAV bytes at 44.1 kHz.</param>
/// <param name="Renderer">Name of the renderer used (see <see cref="IAudioRenderer.Name"/>).</param>
/// <param name="Seconds">Length of the audio in seconds.</param>
public sealed record RenderedAudio(byte[] Wav, string Renderer, double Seconds);
