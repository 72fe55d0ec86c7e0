using System.IO.Compression;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music;

/// <summary>
/// Clip uploads, downloads and audio: a <c>.mid</c> upload becomes its first clip, cut as in training (see
/// <see cref="MidiClipFormat"/>); a download is a zip holding a MIDI file and a WAV rendering of each clip;
/// <see cref="RenderWav"/> plays one clip.
/// </summary>
/// <param name="format">How one clip is read from a MIDI file.</param>
public sealed class ClipFiles(MidiClipFormat format) : IItemFiles, IItemAudio
{
    /// <inheritdoc/>
    public IReadOnlyList<string> ImportExtensions { get; } = [".mid", ".midi"];

    /// <inheritdoc/>
    public IReadOnlyList<ExportFormat> ExportFormats { get; } = [new("zip", "MIDI + WAV (zip)", ".zip", "application/zip")];

    /// <inheritdoc/>
    public IReadOnlyList<SampleItem> Import(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!ImportExtensions.Contains(extension))
            throw new InvalidDataException($"'{fileName}': clips are read from .mid files, not '{extension}'.");
        try
        {
            return [new SampleItem(Path.GetFileNameWithoutExtension(fileName), format.Read(content, fileName), [])];
        }
        catch (Exception e) when (e is MidiFormatException or FormatException)
        {
            throw new InvalidDataException($"'{fileName}': {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public byte[] Export(string formatId, IReadOnlyList<ExportItem> items)
    {
        if (formatId != "zip") throw new ArgumentException($"Unknown music export format '{formatId}'; use zip.", nameof(formatId));
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (item, index) in items.Where(i => i.Valid).Select((item, index) => (item, index)))
            {
                var stem = $"{index + 1:00}-{string.Concat(item.Name.Select(c => char.IsLetterOrDigit(c) ? c : '_'))}";
                foreach (var file in format.Write(item.Text, stem, rendered: true)) Add(zip, file.Name, file.Content);
            }
        }
        return buffer.ToArray();
    }

    /// <inheritdoc/>
    public byte[] RenderWav(string text) => AudioRenderer.RenderClipText(text).Wav;

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(bytes);
    }
}
