namespace LatentWorkbench.Core.Domains;

/// <summary>
/// Reads items from the files users keep them in (MIDI, SDF, ...) and writes items back, for uploads, downloads and
/// the CLI's <c>--from FILE</c> / <c>--out DIR</c>. Optional: a domain whose items are plain text needs none.
/// </summary>
public interface IItemFileFormat
{
    /// <summary>File extensions this format reads, lower-case with the dot (e.g. <c>.mid</c>).</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// The item in <paramref name="content"/> (a file called <paramref name="name"/>). <paramref name="part"/> picks one of
    /// several items in the file, as the domain defines it (music: the clip starting at that bar, 1-based); null takes
    /// the first. Throws <see cref="InvalidDataException"/> with a clear message when the file holds no usable item.
    /// </summary>
    string Read(byte[] content, string name, int? part = null);

    /// <summary>
    /// The item in the file at <paramref name="path"/>, as <see cref="Read(byte[], string, int?)"/>; a format may also use
    /// files beside it (music: the beat table of a performed solo).
    /// </summary>
    string ReadFile(string path, int? part = null) => Read(File.ReadAllBytes(path), Path.GetFileName(path), part);

    /// <summary>
    /// Files for <paramref name="item"/> named <paramref name="baseName"/> plus an extension: the item's own format and,
    /// with <paramref name="rendered"/>, a rendering of it too (music: a WAV recording).
    /// </summary>
    IReadOnlyList<ItemFile> Write(string item, string baseName, bool rendered = false);
}

/// <summary>A file written for an item.</summary>
/// <param name="Name">File name with extension.</param>
/// <param name="ContentType">MIME type (e.g. <c>audio/midi</c>).</param>
/// <param name="Content">The bytes.</param>
public sealed record ItemFile(string Name, string ContentType, byte[] Content);
