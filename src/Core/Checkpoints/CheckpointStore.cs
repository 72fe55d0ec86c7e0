using System.Text.Json;
using System.Text.Json.Serialization;

namespace LatentWorkbench.Core.Checkpoints;

/// <summary>
/// Reads and writes checkpoint folders. Every file is written under a temporary name and renamed into place;
/// <c>config.json</c> goes last, so a run killed at any moment leaves the previous checkpoint intact.
/// </summary>
public static class CheckpointStore
{
    /// <summary>Name of the manifest file.</summary>
    public const string ManifestFile = "config.json";

    /// <summary>Name of the model card.</summary>
    public const string ModelCardFile = "MODEL_CARD.md";

    /// <summary>Optional hand-written notes (provenance, remarks) included in the model card.</summary>
    public const string NotesFile = "NOTES.md";

    /// <summary>Optional evaluation figures (written by <c>latent evaluate --save</c>) included in the model card.</summary>
    public const string EvaluationFile = "evaluation.json";

    /// <summary>
    /// Subfolder of a checkpoint folder where a training run keeps what only resuming needs (the optimizer state). It is
    /// not part of the model: delete it, or leave it out when copying or shipping a model; a resume then starts a fresh
    /// optimizer with a short learning-rate warm-up.
    /// </summary>
    public const string RunStateFolder = "run-state";

    /// <summary>JSON settings of checkpoint files (snake_case, indented).</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Whether <paramref name="folder"/> holds a checkpoint.</summary>
    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, ManifestFile));

    /// <summary>
    /// Reads the manifest; throws <see cref="InvalidDataException"/> naming the folder when it is missing or unreadable,
    /// or when its format version is not <see cref="CheckpointManifest.SupportedFormatVersion"/>.
    /// </summary>
    public static CheckpointManifest ReadManifest(string folder)
    {
        var path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path)) throw new InvalidDataException($"No model at '{folder}': {ManifestFile} is missing.");
        CheckpointManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid model manifest: {e.Message}", e);
        }
        if (manifest.FormatVersion != CheckpointManifest.SupportedFormatVersion)
            throw new InvalidDataException($"The model at '{folder}' has checkpoint format version {manifest.FormatVersion}; this version of "
                + $"LatentWorkbench reads format version {CheckpointManifest.SupportedFormatVersion} only.");
        return manifest;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="folder"/>/<paramref name="name"/> atomically.</summary>
    public static void WriteFileAtomically(string folder, string name, Action<string> content)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, name);
        var temp = Path.Combine(folder, $".{name}.{Environment.ProcessId}.tmp");
        content(temp);
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>
    /// What is wrong with the checkpoint in <paramref name="folder"/>, found without loading it: a <c>config.json</c>
    /// that cannot be read, a file it names that is missing, or weights shorter than the network's float32 parameters
    /// (a truncated copy). Each problem names its file; empty when the checkpoint looks whole.
    /// </summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        CheckpointManifest manifest;
        try
        {
            manifest = ReadManifest(folder);
        }
        catch (InvalidDataException e)
        {
            return [e.Message];
        }
        var problems = new List<string>();
        foreach (var name in new[] { manifest.Files.Weights, manifest.Files.Reference, manifest.Files.TrainingHashes }.Where(n => n.Length > 0))
        {
            if (!File.Exists(Path.Combine(folder, name))) problems.Add($"'{Path.Combine(folder, name)}', named by {ManifestFile}, is missing.");
        }
        var weights = new FileInfo(Path.Combine(folder, manifest.Files.Weights));
        var least = 4 * Models.SequenceVae.ParameterCount(manifest.Model, manifest.Vocabulary.Count);
        if (weights.Exists && weights.Length < least)
            problems.Add($"The weights file '{weights.FullName}' holds {weights.Length:N0} bytes, fewer than the {least:N0} its network needs: it is truncated or damaged.");
        return problems;
    }

    /// <summary>
    /// Deletes the temporary files (<c>.NAME.PID.tmp</c>) that writers killed mid-write left in <paramref name="folder"/>
    /// and its run state; those of this process are kept. Returns how many were deleted. A run resuming in the folder
    /// calls this first, so a folder killed mid-write holds only whole files again.
    /// </summary>
    public static int RemoveStaleTemporaryFiles(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        var mine = $".{Environment.ProcessId}.tmp";
        var stale = Directory.EnumerateFiles(folder, ".*.tmp", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(mine, StringComparison.Ordinal)).ToList();
        foreach (var file in stale) File.Delete(file);
        return stale.Count;
    }

    /// <summary>
    /// Commits a checkpoint: the data files must already be in place; writes the manifest and model card, then
    /// deletes files of older checkpoints that the new manifest no longer names.
    /// </summary>
    public static void Commit(string folder, CheckpointManifest manifest)
    {
        WriteFileAtomically(folder, ManifestFile, path => File.WriteAllText(path, JsonSerializer.Serialize(manifest, Json)));
        RenderCard(folder, manifest);
        var keep = new HashSet<string>(StringComparer.Ordinal)
        {
            ManifestFile, ModelCardFile, manifest.Files.Weights, manifest.Files.Optimizer,
            manifest.Files.Reference, manifest.Files.TrainingHashes,
        };
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (!keep.Contains(name) && IsCheckpointData(name)) File.Delete(file);
        }
    }

    /// <summary>
    /// Rewrites the model card from the manifest, <see cref="NotesFile"/> and <see cref="EvaluationFile"/>, keeping the
    /// sections of the card that were written by hand (<see cref="ModelCard.HandWritten"/>).
    /// </summary>
    public static void RenderCard(string folder, CheckpointManifest manifest)
    {
        string? Read(string name) => File.Exists(Path.Combine(folder, name)) ? File.ReadAllText(Path.Combine(folder, name)) : null;
        var notes = Read(NotesFile);
        var card = ModelCard.Render(manifest, notes, Read(EvaluationFile), ModelCard.HandWritten(Read(ModelCardFile), notes));
        WriteFileAtomically(folder, ModelCardFile, path => File.WriteAllText(path, card));
    }

    /// <summary>Whether a file name is one this store writes (so unrelated files are never deleted).</summary>
    private static bool IsCheckpointData(string name) =>
        (name.StartsWith("model-", StringComparison.Ordinal) || name.StartsWith("optimizer-", StringComparison.Ordinal)
         || name.StartsWith("reference-", StringComparison.Ordinal) || name.StartsWith("training-hashes", StringComparison.Ordinal))
        && name.EndsWith(".bin", StringComparison.Ordinal);

    /// <summary>Writes float rows (count, width, values; little-endian).</summary>
    public static void WriteMatrix(string path, IReadOnlyList<float[]> rows)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(rows.Count);
        writer.Write(rows.Count == 0 ? 0 : rows[0].Length);
        foreach (var row in rows) foreach (var v in row) writer.Write(v);
    }

    /// <summary>Reads rows written by <see cref="WriteMatrix"/>, checking sizes against the file length.</summary>
    public static float[][] ReadMatrix(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        int count = reader.ReadInt32(), width = reader.ReadInt32();
        if (count < 0 || width < 0 || 8L + 4L * count * width != reader.BaseStream.Length)
            throw new InvalidDataException($"{path} is not a latent matrix file (size does not match its header).");
        var rows = new float[count][];
        for (int i = 0; i < count; i++)
        {
            rows[i] = new float[width];
            for (int j = 0; j < width; j++) rows[i][j] = reader.ReadSingle();
        }
        return rows;
    }

    /// <summary>Writes sorted 64-bit hashes.</summary>
    public static void WriteHashes(string path, IEnumerable<ulong> hashes)
    {
        var sorted = hashes.Distinct().Order().ToArray();
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var h in sorted) writer.Write(h);
    }

    /// <summary>Reads hashes written by <see cref="WriteHashes"/>.</summary>
    public static ulong[] ReadHashes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length % 8 != 0) throw new InvalidDataException($"{path} is not a hash file.");
        var result = new ulong[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, result, 0, bytes.Length);
        return result;
    }
}
