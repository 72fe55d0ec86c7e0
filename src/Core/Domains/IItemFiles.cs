namespace LatentWorkbench.Core.Domains;

/// <summary>
/// How a domain's items are read from and written to the files users keep them in (SMILES and SD files, MIDI, ...):
/// web uploads, library imports and downloads, and the command line's <c>--from FILE</c> and <c>--out DIR</c>. Offered
/// through <see cref="IDomainModule.Files"/>; a domain whose items are plain text needs none.
/// </summary>
public interface IItemFiles
{
    /// <summary>File extensions read, lower-case with the dot (e.g. <c>.smi</c>, <c>.mid</c>).</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// The items of the file <paramref name="fileName"/> holding <paramref name="content"/>, as the domain defines them
    /// (molecules: every line or record; music: every clip, named by its bars), each with a <see cref="SampleItem.Note"/>
    /// where the reader had to assume something. Throws <see cref="InvalidDataException"/> with a message naming what is
    /// wrong and where (line, record or byte offset).
    /// </summary>
    IReadOnlyList<SampleItem> ReadAll(string fileName, byte[] content);

    /// <summary>
    /// Which of <paramref name="items"/> (as <see cref="ReadAll"/> gave them) a front offers when the user names none,
    /// 0-based: by default the first; music passes over clips with a silent bar (a file's opening rest).
    /// </summary>
    int FirstChoice(IReadOnlyList<SampleItem> items) => 0;

    /// <summary>
    /// <paramref name="files"/>' <see cref="FirstChoice"/> of <paramref name="items"/>, kept within them: what the fronts
    /// use, so that a plugin's out-of-range answer picks the nearest item instead of failing the page.
    /// </summary>
    static int ChoiceOf(IItemFiles files, IReadOnlyList<SampleItem> items)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0 ? 0 : Math.Clamp(files.FirstChoice(items), 0, items.Count - 1);
    }

    /// <summary>
    /// A user's file as the fronts offer it (an upload in Explore, <c>POST .../read</c>): its items and the index of the
    /// one to offer first (<see cref="ChoiceOf"/>). Throws <see cref="InvalidDataException"/> when the file cannot be
    /// read or holds no item.
    /// </summary>
    static (IReadOnlyList<SampleItem> Items, int First) ReadUpload(IItemFiles files, string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(files);
        var items = files.ReadAll(fileName, content);
        if (items.Count == 0) throw new InvalidDataException($"'{fileName}' holds no item.");
        return (items, ChoiceOf(files, items));
    }

    /// <summary>
    /// One item of the file: <paramref name="part"/> picks it as the domain defines parts (molecules: the N-th record,
    /// music: the clip holding bar N, both 1-based); null takes the <see cref="FirstChoice"/>. By default the <paramref name="part"/>-th of
    /// <see cref="ReadAll"/>. Throws <see cref="InvalidDataException"/> when the file has no such item.
    /// </summary>
    string Read(string fileName, byte[] content, int? part = null)
    {
        var items = ReadAll(fileName, content);
        if (part is null) return items[ChoiceOf(this, items)].Text;
        return part >= 1 && part <= items.Count
            ? items[part.Value - 1].Text
            : throw new InvalidDataException($"'{fileName}' holds {items.Count} item(s); there is no item {part}.");
    }

    /// <summary>
    /// One item of the file at <paramref name="path"/>, as <see cref="Read"/>; a domain may also use files beside it
    /// (music: the beat table of a performed solo).
    /// </summary>
    string ReadFile(string path, int? part = null) => Read(Path.GetFileName(path), File.ReadAllBytes(path), part);

    /// <summary>
    /// The item <see cref="ReadFile"/> gives, with what the reader had to assume to give it (<see cref="SampleItem.Note"/>),
    /// for fronts that show that (the command line prints it); by default named after the file, without a note.
    /// </summary>
    SampleItem ReadItem(string path, int? part = null) => new(Path.GetFileNameWithoutExtension(path), ReadFile(path, part), []);

    /// <summary>
    /// Files for one item, named <paramref name="baseName"/> plus an extension: the item in the domain's own formats and,
    /// with <paramref name="rendered"/>, a rendering of it too (music: a WAV recording).
    /// </summary>
    IReadOnlyList<ItemFile> Write(string item, string baseName, bool rendered = false);

    /// <summary>Download formats for collections of items, beside the host's generic CSV (e.g. an SD file, a zip of MIDI files).</summary>
    IReadOnlyList<ExportFormat> ExportFormats { get; }

    /// <summary>
    /// Writes <paramref name="items"/> in the format <paramref name="formatId"/> (one of <see cref="ExportFormats"/>);
    /// throws <see cref="ArgumentException"/> for another id.
    /// </summary>
    byte[] Export(string formatId, IReadOnlyList<ExportItem> items);
}
