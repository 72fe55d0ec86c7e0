using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Audio;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// MIDI files as clips: reading cuts the file as training does (performed solos on their beat table when one lies
/// beside them) and takes the clip holding the chosen bar; writing gives a Standard MIDI File and, rendered, a WAV.
/// </summary>
/// <param name="reader">The dataset reader whose cutting rules apply.</param>
public sealed class MidiClipFormat(MusicDatasetReader reader) : IItemFileFormat
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Extensions { get; } = [".mid", ".midi"];

    /// <inheritdoc/>
    public string Read(byte[] content, string name, int? part = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Pick(reader.ClipsOf(content, name), name, part);
    }

    /// <inheritdoc/>
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
}
