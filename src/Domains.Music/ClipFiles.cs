using System.IO.Compression;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music;

/// <summary>
/// MIDI files as clips. Reading cuts the file as training does (performed solos on their beat table when one lies
/// beside them): an upload or import is the file's first clip, <c>--from FILE --bar N</c> the clip holding bar N.
/// Writing gives a Standard MIDI File and, rendered, a WAV; a collection downloads as a zip of both per clip.
/// </summary>
/// <param name="reader">The dataset reader whose cutting rules apply.</param>
public sealed class ClipFiles(MusicDatasetReader reader) : IItemFiles
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Extensions { get; } = [".mid", ".midi"];

    /// <inheritdoc/>
    public IReadOnlyList<ExportFormat> ExportFormats { get; } = [new("zip", "MIDI + WAV (zip)", ".zip", "application/zip")];

    /// <summary>The file's first clip, named after the file.</summary>
    public IReadOnlyList<SampleItem> ReadAll(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            throw new InvalidDataException($"'{fileName}': clips are read from .mid files, not '{extension}'.");
        try
        {
            return [new SampleItem(Path.GetFileNameWithoutExtension(fileName), Read(fileName, content), [])];
        }
        catch (Exception e) when (e is MidiFormatException or FormatException)
        {
            throw new InvalidDataException($"'{fileName}': {e.Message}", e);
        }
    }

    /// <summary>The clip whose bars include bar <paramref name="part"/> (1-based), or the first clip.</summary>
    public string Read(string fileName, byte[] content, int? part = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Pick(reader.ClipsOf(content, fileName), fileName, part);
    }

    /// <summary>As <see cref="Read"/>, using the beat table beside a performed solo when there is one.</summary>
    public string ReadFile(string path, int? part = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No MIDI file at '{path}'.", path);
        return Pick(reader.ClipsOf(path), path, part);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ItemFile> Write(string item, string baseName, bool rendered = false)
    {
        var parsed = ClipText.Parse(item);
        var clip = parsed.Clip ?? throw new InvalidDataException($"Not a clip: {parsed.Error} at character {parsed.Position}.");
        var files = new List<ItemFile> { new(baseName + ".mid", "audio/midi", ClipMidi.ToMidiBytes(clip)) };
        if (rendered) files.Add(new ItemFile(baseName + ".wav", "audio/wav", AudioRenderer.RenderScore(ClipMidi.ToScore(clip)).Wav));
        return files;
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
                foreach (var file in Write(item.Text, stem, rendered: true)) Add(zip, file.Name, file.Content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The clip whose bars include <paramref name="bar"/> (1-based), or the first clip.</summary>
    private static string Pick(IReadOnlyList<Clip> clips, string name, int? bar)
    {
        if (clips.Count == 0) throw new InvalidDataException($"{name}: no bar of this file holds enough notes for a clip ({ClipCutter.DefaultMinNotes} or more).");
        if (bar is not { } wanted) return ClipText.ToText(clips[0]);
        if (wanted < 1) throw new InvalidDataException($"Bars are numbered from 1 (got {wanted}).");
        var clip = clips.FirstOrDefault(c => wanted - 1 >= c.FirstBar && wanted - 1 < c.FirstBar + c.Bars)
            ?? throw new InvalidDataException($"{name}: bar {wanted} is not in any clip (clips start at bars {string.Join(", ", clips.Take(12).Select(c => c.FirstBar + 1))}{(clips.Count > 12 ? ", ..." : "")}; bars with too few notes are skipped).");
        return ClipText.ToText(clip);
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(bytes);
    }
}
