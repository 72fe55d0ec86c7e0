using LatentWorkbench.Core.Domains;

namespace LabPlugin;

/// <summary>One item per line (blank lines and lines starting with '#' skipped); a bad item is an error naming file and line.</summary>
public sealed class LabDatasetReader(IItemValidator validator, IPropertyCalculator properties) : IDatasetReader
{
    /// <inheritdoc/>
    public IEnumerable<TrainingRecord> Read(string path, DatasetOptions options)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No data file at '{path}'.", path);
        return Lines(path).Take(options.Limit > 0 ? options.Limit : int.MaxValue);
    }

    private IEnumerable<TrainingRecord> Lines(string path)
    {
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim() is "" || line.StartsWith('#')) continue;
            var result = validator.Validate(line);
            if (result.Canonical is null) throw new InvalidDataException($"{path}, line {number}: {result.Error}");
            var values = properties.Compute(result.Canonical);
            yield return new TrainingRecord(result.Canonical, new Dictionary<string, double> { ["gc_content"] = values["gc_content"] }, []);
        }
    }
}
