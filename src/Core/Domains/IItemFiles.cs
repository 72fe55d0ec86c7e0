namespace LatentWorkbench.Core.Domains;

/// <summary>
/// Optional capability of a module: reads items from files users upload and writes items to files they download.
/// Hosts test for it (<c>module is IItemFiles</c>) and offer upload and export only where a module has it.
/// </summary>
public interface IItemFiles
{
    /// <summary>File extensions an upload may have, with the dot, e.g. <c>.smi</c>, <c>.mid</c>.</summary>
    IReadOnlyList<string> ImportExtensions { get; }

    /// <summary>
    /// The items of a file (for a single-item choice the first one is used). Throws <see cref="InvalidDataException"/>
    /// with a message naming what is wrong and where (line, record or byte offset).
    /// </summary>
    IReadOnlyList<SampleItem> Import(string fileName, byte[] content);

    /// <summary>Download formats beside the host's generic CSV, e.g. SMILES lines or a zip of MIDI and WAV files.</summary>
    IReadOnlyList<ExportFormat> ExportFormats { get; }

    /// <summary>Writes <paramref name="items"/> in the format <paramref name="formatId"/> (one of <see cref="ExportFormats"/>).</summary>
    byte[] Export(string formatId, IReadOnlyList<ExportItem> items);
}

/// <summary>A download format: id, name shown to users, file extension (with the dot) and media type.</summary>
public sealed record ExportFormat(string Id, string Name, string Extension, string ContentType);

/// <summary>One item to export: a name, its text, whether it is valid, and its properties.</summary>
public sealed record ExportItem(string Name, string Text, bool Valid, IReadOnlyDictionary<string, double> Properties);
