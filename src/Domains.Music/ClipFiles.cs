using System.IO.Compression;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music;

/// <summary>
/// MIDI files as clips. Reading cuts the file as training does (performed solos on their beat table when one lies
/// beside them), except that a file holding notes always gives clips: a bar with one note is kept, and a missing or
/// implausible meter (1/4, 5/4, ...) is cut as 4/4, which each clip's <see cref="SampleItem.Note"/> says. An upload or
/// import gives every clip, named by its bars; <c>--from FILE --bar N</c> the clip holding bar N. Writing gives a
/// Standard MIDI File and, rendered, a WAV; a collection downloads as a zip of both per clip, or as one MIDI file or one
/// WAV that plays the clips in sequence.
/// </summary>
/// <param name="reader">The dataset reader whose cutting rules apply.</param>
/// <param name="renderer">The renderer of WAV files (the module's choice).</param>
public sealed class ClipFiles(MusicDatasetReader reader, Func<IAudioRenderer> renderer) : IItemFiles
{
    private const string Zip = "zip", SequenceMidi = "mid", SequenceWav = "wav";

    /// <inheritdoc/>
    public IReadOnlyList<string> Extensions { get; } = [".mid", ".midi"];

    /// <inheritdoc/>
    public IReadOnlyList<ExportFormat> ExportFormats { get; } =
    [
        new(Zip, "MIDI + WAV (zip)", ".zip", "application/zip"),
        new(SequenceMidi, "One MIDI file (in sequence)", ".mid", "audio/midi"),
        new(SequenceWav, "One WAV (in sequence)", ".wav", "audio/wav"),
    ];

    /// <summary>Every clip of the file, named after the file and its bars (e.g. <c>solo, bars 5-6</c>).</summary>
    public IReadOnlyList<SampleItem> ReadAll(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            throw new InvalidDataException($"'{fileName}': clips are read from .mid files, not '{extension}'.");
        var (clips, note) = Cut(content, fileName);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return clips.Select(c => new SampleItem($"{stem}, {BarsOf(c)}", ClipText.ToText(c), []) { Note = note }).ToList();
    }

    /// <summary>The first clip in which every bar sounds (else the first): what a musician means by "a clip of this file".</summary>
    public int FirstChoice(IReadOnlyList<SampleItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return FirstSounding(items.Select(i => ClipText.Parse(i.Text).Clip).ToList());
    }

    /// <summary>The index of the first clip in which every bar sounds, else 0: the clip offered when no bar is named.</summary>
    private static int FirstSounding(IReadOnlyList<Clip?> clips) => Math.Max(0, clips.ToList().FindIndex(c => c is { EveryBarSounds: true }));

    /// <summary>The clip whose bars include bar <paramref name="part"/> (1-based), or the first in which every bar sounds.</summary>
    public string Read(string fileName, byte[] content, int? part = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ClipText.ToText(Pick(Cut(content, fileName).Clips, fileName, part));
    }

    /// <summary>As <see cref="Read"/>, using the beat table beside a performed solo when there is one.</summary>
    public string ReadFile(string path, int? part = null) => ReadItem(path, part).Text;

    /// <summary>The clip <see cref="ReadFile"/> gives, named by the file and its bars, with the meter it was cut in when the file did not say.</summary>
    public SampleItem ReadItem(string path, int? part = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No MIDI file at '{path}'.", path);
        var (clips, note) = new BeatTableFinder().Find(path) is null ? Cut(File.ReadAllBytes(path), path) : (reader.ClipsOf(path), null);
        var clip = Pick(clips, path, part);
        return new SampleItem($"{Path.GetFileNameWithoutExtension(path)}, {BarsOf(clip)}", ClipText.ToText(clip), []) { Note = note };
    }

    /// <summary>"bars 5-6" for a clip cut from bar 5 of its file.</summary>
    public static string BarsOf(Clip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return clip.Bars == 1 ? $"bar {clip.FirstBar + 1}" : $"bars {clip.FirstBar + 1}-{clip.FirstBar + clip.Bars}";
    }

    /// <summary>
    /// The clips of a user's file and what was assumed to cut them: bars with at least one note are kept, and a file
    /// none of whose meters a clip can have is cut as 4/4. Throws <see cref="InvalidDataException"/> naming the file
    /// when it cannot be read or holds no pitched note.
    /// </summary>
    private (IReadOnlyList<Clip> Clips, string? Note) Cut(byte[] content, string name)
    {
        MidiScore score;
        try
        {
            score = MidiScore.FromBytes(content);
        }
        catch (MidiFormatException e)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }
        var clips = ClipCutter.Cut(score, reader.BarsPerClip, minNotes: 1);
        string? note = score.TimeSignatures.Count == 0 ? "The file names no time signature; it was cut as 4/4." : null;
        if (clips.Count == 0)
        {
            clips = ClipCutter.Cut(score, reader.BarsPerClip, minNotes: 1, quartersPerBar: 4);
            var meters = string.Join(", ", score.TimeSignatures.Select(t => $"{t.Numerator}/{t.Denominator}").Distinct());
            note = $"A clip cannot be in this file's time signature ({meters}); it was cut as 4/4.";
        }
        if (clips.Count == 0) throw new InvalidDataException($"{name}: the file holds no pitched notes (percussion is left out).");
        return (clips, note);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ItemFile> Write(string item, string baseName, bool rendered = false)
    {
        var parsed = ClipText.Parse(item);
        var clip = parsed.Clip ?? throw new InvalidDataException($"Not a clip: {parsed.Error} at character {parsed.Position}.");
        var files = new List<ItemFile> { new(baseName + ".mid", "audio/midi", ClipMidi.ToMidiBytes(clip)) };
        if (rendered) files.Add(new ItemFile(baseName + ".wav", "audio/wav", AudioRenderer.RenderScore(ClipMidi.ToScore(clip), renderer()).Wav));
        return files;
    }

    /// <inheritdoc/>
    public byte[] Export(string formatId, IReadOnlyList<ExportItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        switch (formatId)
        {
            case SequenceMidi: return MidiWriter.Write(ClipMidi.Sequence(Playable(items)));
            case SequenceWav: return ClipAudio.RenderSequence(Playable(items), renderer());
            case Zip: break;
            default: throw new ArgumentException($"Unknown music export format '{formatId}'; use {string.Join(", ", ExportFormats.Select(f => f.Id))}.", nameof(formatId));
        }
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

    /// <summary>The valid items' clips, in order; throws <see cref="ArgumentException"/> when none is valid.</summary>
    private static List<Clip> Playable(IReadOnlyList<ExportItem> items)
    {
        var clips = items.Where(i => i.Valid).Select(i => ClipText.Parse(i.Text).Clip).OfType<Clip>().ToList();
        return clips.Count > 0 ? clips : throw new ArgumentException("None of the items is a valid clip, so there is nothing to play.", nameof(items));
    }

    /// <summary>The clip whose bars include <paramref name="bar"/> (1-based), or the first clip.</summary>
    private static Clip Pick(IReadOnlyList<Clip> clips, string name, int? bar)
    {
        if (clips.Count == 0) throw new InvalidDataException($"{name}: no bar of this file holds a note.");
        if (bar is not { } wanted) return clips[FirstSounding(clips)];
        if (wanted < 1) throw new InvalidDataException($"Bars are numbered from 1 (got {wanted}).");
        var clip = clips.FirstOrDefault(c => wanted - 1 >= c.FirstBar && wanted - 1 < c.FirstBar + c.Bars)
            ?? throw new InvalidDataException($"{name}: bar {wanted} is not in any clip (clips start at bars {string.Join(", ", clips.Take(12).Select(c => c.FirstBar + 1))}{(clips.Count > 12 ? ", ..." : "")}; bars without notes are skipped).");
        return clip;
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(bytes);
    }
}
