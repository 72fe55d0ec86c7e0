using System.Text;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules;

/// <summary>
/// Molecule files. Reads <c>.smi</c> (SMILES and an optional name per line), <c>.csv</c> (a header with a <c>smiles</c>
/// column and optionally <c>name</c>) and <c>.sdf</c> (records with a SMILES data field): every molecule for uploads and
/// imports, the first or the N-th for <c>--from FILE</c>. Writes SMILES lines and SD files (V2000 molblocks with zero
/// coordinates plus SMILES and property data fields): one <c>.smi</c> and one <c>.sdf</c> file per molecule for
/// <c>--out DIR</c>, and either format for a collection.
/// </summary>
public sealed class MoleculeFiles : IItemFiles
{
    /// <summary>Most molecules read from one upload.</summary>
    public const int MaxItems = 10_000;

    /// <inheritdoc/>
    public IReadOnlyList<string> Extensions { get; } = [".smi", ".csv", ".sdf"];

    /// <summary>The molecule in the file: the first, or the <paramref name="part"/>-th (1-based) line or record.</summary>
    public string Read(string fileName, byte[] content, int? part = null)
    {
        var items = ReadAll(fileName, content);
        if (part is null) return items[0].Text;
        return part >= 1 && part <= items.Count
            ? items[part.Value - 1].Text
            : throw new InvalidDataException($"'{fileName}' holds {items.Count} molecule(s); there is no molecule {part}.");
    }

    /// <summary>The molecule as a SMILES file and an SD file (<paramref name="rendered"/> adds nothing for molecules).</summary>
    public IReadOnlyList<ItemFile> Write(string item, string baseName, bool rendered = false)
    {
        var one = new[] { new ExportItem(baseName, item, true, new Dictionary<string, double>()) };
        return
        [
            new ItemFile(baseName + ".smi", ExportFormats[0].ContentType, Export("smi", one)),
            new ItemFile(baseName + ".sdf", ExportFormats[1].ContentType, Export("sdf", one)),
        ];
    }

    /// <inheritdoc/>
    public IReadOnlyList<ExportFormat> ExportFormats { get; } =
    [
        new("smi", "SMILES", ".smi", "chemical/x-daylight-smiles"),
        new("sdf", "SD file", ".sdf", "chemical/x-mdl-sdfile"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<SampleItem> ReadAll(string fileName, byte[] content)
    {
        var lines = Encoding.UTF8.GetString(content).ReplaceLineEndings("\n").Split('\n');
        var items = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".smi" => ReadSmi(lines),
            ".csv" => ReadCsv(lines),
            ".sdf" => ReadSdf(lines),
            var other => throw new InvalidDataException($"'{fileName}': molecules are read from .smi, .csv or .sdf files, not '{other}'."),
        };
        var list = items.Take(MaxItems).ToList();
        return list.Count > 0 ? list : throw new InvalidDataException($"'{fileName}' holds no molecule.");
    }

    private static IEnumerable<SampleItem> ReadSmi(string[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#')) continue;
            yield return new SampleItem(fields.Length > 1 ? fields[1] : $"line {i + 1}", fields[0], []);
        }
    }

    private static IEnumerable<SampleItem> ReadCsv(string[] lines)
    {
        var header = lines[0].Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        var smiles = Array.FindIndex(header, h => h.Equals("smiles", StringComparison.OrdinalIgnoreCase));
        if (smiles < 0) throw new InvalidDataException("CSV line 1: the header has no 'smiles' column.");
        var name = Array.FindIndex(header, h => h.Equals("name", StringComparison.OrdinalIgnoreCase));
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = lines[i].Split(',').Select(f => f.Trim().Trim('"')).ToArray();
            if (fields.Length <= Math.Max(smiles, name))
                throw new InvalidDataException($"CSV line {i + 1}: {fields.Length} fields, the header has {header.Length}.");
            yield return new SampleItem(name >= 0 ? fields[name] : $"line {i + 1}", fields[smiles], []);
        }
    }

    /// <summary>SD records: the title line names the molecule, a data field called SMILES (any case) gives it.</summary>
    private static IEnumerable<SampleItem> ReadSdf(string[] lines)
    {
        int record = 1, start = 0;
        string? smiles = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('>') && line.Contains("<smiles>", StringComparison.OrdinalIgnoreCase) && i + 1 < lines.Length)
                smiles = lines[i + 1].Trim();
            if (!line.StartsWith("$$$$", StringComparison.Ordinal)) continue;
            yield return smiles is { Length: > 0 }
                ? new SampleItem(lines[start].Trim() is { Length: > 0 } title ? title : $"record {record}", smiles, [])
                : throw new InvalidDataException($"SD record {record} (line {start + 1}) has no SMILES data field; add a '> <SMILES>' field.");
            record++;
            start = i + 1;
            smiles = null;
        }
        if (smiles is { Length: > 0 }) yield return new SampleItem(lines[start].Trim(), smiles, []);
    }

    /// <inheritdoc/>
    public byte[] Export(string formatId, IReadOnlyList<ExportItem> items)
    {
        var text = new StringBuilder();
        switch (formatId)
        {
            case "smi":
                foreach (var item in items) text.Append(item.Text).Append(' ').Append(item.Name).Append('\n');
                break;
            case "sdf":
                foreach (var item in items.Where(i => i.Valid)) AppendRecord(text, item);
                break;
            default:
                throw new ArgumentException($"Unknown molecule export format '{formatId}'; use smi or sdf.", nameof(formatId));
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AppendRecord(StringBuilder text, ExportItem item)
    {
        var parsed = Molecule.TryParse(item.Text);
        if (parsed.Molecule is null) return;
        text.Append(MolfileWriter.Write(parsed.Molecule, item.Name));
        text.Append("> <SMILES>\n").Append(item.Text).Append("\n\n");
        foreach (var (key, value) in item.Properties)
            text.Append("> <").Append(key).Append(">\n").Append(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append("\n\n");
        text.Append("$$$$\n");
    }
}
