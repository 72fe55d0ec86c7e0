namespace LatentWorkbench.Core.Domains;

/// <summary>Reads a data set (a file or a folder) into training records.</summary>
public interface IDatasetReader
{
    /// <summary>
    /// Records of the data set at <paramref name="path"/>. Throws <see cref="InvalidDataException"/> with the
    /// file and line (or byte offset) when the data cannot be read.
    /// </summary>
    IEnumerable<TrainingRecord> Read(string path, DatasetOptions options);
}

/// <summary>Options for reading a data set.</summary>
/// <param name="Augment">Whether the reader may add augmented copies (e.g. transpositions) for training.</param>
/// <param name="Seed">Seed for any randomness in reading (augmentation, sampling).</param>
/// <param name="Limit">Maximum number of records, or 0 for all.</param>
public sealed record DatasetOptions(bool Augment = false, int Seed = 0, int Limit = 0);

/// <summary>One item for training: its text, numeric targets for property heads, and tags (e.g. a style).</summary>
public sealed record TrainingRecord(string Text, IReadOnlyDictionary<string, double> Targets, IReadOnlyList<string> Tags)
{
    /// <summary>A record without targets or tags.</summary>
    public static TrainingRecord Of(string text) => new(text, new Dictionary<string, double>(), []);
}
