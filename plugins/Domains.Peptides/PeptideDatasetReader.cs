using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Peptides;

/// <summary>
/// Reads peptides from FASTA (<c>&gt;</c> header lines, a sequence may span lines) or plain text (one sequence per
/// line; <c>#</c> starts a comment line). Targets for the property heads are computed from each sequence. A
/// sequence with a non-standard residue is an error naming the file and line.
/// </summary>
public sealed class PeptideDatasetReader(IItemValidator validator, IPropertyCalculator properties, IReadOnlyList<string> targetKeys) : IDatasetReader
{
    /// <inheritdoc/>
    public IEnumerable<TrainingRecord> Read(string path, DatasetOptions options)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No peptide file at '{path}'.", path);
        var limit = options.Limit > 0 ? options.Limit : int.MaxValue;
        return Sequences(path).Take(limit).Select(s =>
        {
            var values = properties.Compute(s);
            return new TrainingRecord(s, targetKeys.ToDictionary(k => k, k => values[k]), []);
        });
    }

    private IEnumerable<string> Sequences(string path)
    {
        var pending = new System.Text.StringBuilder();
        int lineNumber = 0, startLine = 0;
        bool fasta = false;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.StartsWith('>'))
            {
                fasta = true;
                if (pending.Length > 0) yield return Check(pending.ToString(), path, startLine);
                pending.Clear();
                startLine = lineNumber + 1;
                continue;
            }
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (fasta) pending.Append(line);
            else yield return Check(line, path, lineNumber);
        }
        if (pending.Length > 0) yield return Check(pending.ToString(), path, startLine);
    }

    private string Check(string sequence, string path, int line)
    {
        var result = validator.Validate(sequence);
        return result.Canonical ?? throw new InvalidDataException($"{path}, line {line}: {result.Error}");
    }
}
