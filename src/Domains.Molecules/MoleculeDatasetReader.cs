using System.Globalization;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Molecules;

/// <summary>
/// Reads molecules for training and evaluation: <c>.csv</c> with a header (a <c>smiles</c> column, other numeric
/// columns become property targets with lower-case keys, e.g. <c>logp</c>, <c>qed</c>, <c>sas</c>) or <c>.smi</c>
/// (first whitespace-separated field per line). Each SMILES is canonicalised; unreadable ones are skipped.
/// </summary>
public sealed class MoleculeDatasetReader(Func<string, string?> canonicalize) : IDatasetReader
{
    /// <inheritdoc/>
    public IEnumerable<TrainingRecord> Read(string path, DatasetOptions options)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No molecule file at '{path}'.", path);
        var limit = options.Limit > 0 ? options.Limit : int.MaxValue;
        return Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? ReadCsv(path).Take(limit) : ReadSmi(path).Take(limit);
    }

    private IEnumerable<TrainingRecord> ReadSmi(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var smiles = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (smiles is null || canonicalize(smiles) is not { } canonical) continue;
            yield return TrainingRecord.Of(canonical);
        }
    }

    private IEnumerable<TrainingRecord> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(',').Select(h => h.Trim()).ToArray()
            ?? throw new InvalidDataException($"'{path}' is empty.");
        var smilesColumn = Array.FindIndex(header, h => h.Equals("smiles", StringComparison.OrdinalIgnoreCase));
        if (smilesColumn < 0) smilesColumn = 0;
        int lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != header.Length)
                throw new InvalidDataException($"{path}, line {lineNumber}: {fields.Length} fields, the header has {header.Length}.");
            if (canonicalize(fields[smilesColumn].Trim()) is not { } canonical) continue;
            var targets = new Dictionary<string, double>();
            for (int c = 0; c < header.Length; c++)
                if (c != smilesColumn && double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    targets[header[c].ToLowerInvariant()] = v;
            yield return new TrainingRecord(canonical, targets, []);
        }
    }
}
