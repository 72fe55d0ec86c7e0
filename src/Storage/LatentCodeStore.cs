using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Storage;

/// <summary>
/// Latent codes of items (canonical text) by model, kept across restarts: a model worker looks here before it encodes
/// the library again, and keeps what it encoded. A model is named by <see cref="ModelKey"/>, so a code is only ever read
/// back for the checkpoint that made it. Codes are a cache: losing one costs an encode, never an answer.
/// </summary>
public sealed class LatentCodeStore(WorkbenchDatabase database)
{
    // Items asked for per query (SQLite allows 32,766 parameters; PostgreSQL 65,535).
    private const int QueryChunk = 500;

    /// <summary>
    /// The name under which codes of the checkpoint described by <paramref name="manifestJson"/> (its <c>config.json</c>,
    /// which names its weights and when they were written) are kept: <c>DOMAIN/HASH</c>.
    /// </summary>
    public static string ModelKey(string domainId, string manifestJson) => $"{domainId}/{Core.Checkpoints.StableHash.Of(manifestJson):x16}";

    /// <summary>The codes kept for <paramref name="model"/> of those of <paramref name="items"/> that have one.</summary>
    public IReadOnlyDictionary<string, LatentCode> Find(string model, IReadOnlyCollection<string> items)
    {
        var found = new Dictionary<string, LatentCode>(StringComparer.Ordinal);
        if (items.Count == 0) return found;
        using var connection = database.Open();
        foreach (var chunk in items.Distinct(StringComparer.Ordinal).Chunk(QueryChunk))
        {
            var names = chunk.Select((_, i) => $"@i{i}").ToArray();
            var parameters = chunk.Select((item, i) => (names[i], (object?)item)).Prepend(("@m", model)).ToArray();
            using var command = WorkbenchDatabase.Command(connection,
                $"SELECT item, code FROM latent_codes WHERE model = @m AND item IN ({string.Join(", ", names)});", parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                if (Decode((byte[])reader.GetValue(1)) is { } code) found[reader.GetString(0)] = code;
        }
        return found;
    }

    /// <summary>Keeps <paramref name="codes"/> for <paramref name="model"/> (replacing codes kept before for the same items).</summary>
    public void Keep(string model, IReadOnlyList<(string Item, LatentCode Code)> codes)
    {
        if (codes.Count == 0) return;
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (item, code) in codes)
            WorkbenchDatabase.Execute(connection,
                "INSERT INTO latent_codes (model, item, code) VALUES (@m, @i, @c) ON CONFLICT (model, item) DO UPDATE SET code = excluded.code;",
                ("@m", model), ("@i", item), ("@c", Encode(code)));
        transaction.Commit();
    }

    /// <summary>Forgets the codes of <paramref name="domainId"/>'s models other than <paramref name="model"/>; returns how many.</summary>
    public int ForgetOtherModels(string domainId, string model)
    {
        using var connection = database.Open();
        var prefix = domainId + "/";
        return WorkbenchDatabase.Execute(connection, "DELETE FROM latent_codes WHERE SUBSTR(model, 1, @n) = @p AND model <> @m;",
            ("@n", prefix.Length), ("@p", prefix), ("@m", model));
    }

    /// <summary>Codes kept for <paramref name="model"/>.</summary>
    public int Count(string model)
    {
        using var connection = database.Open();
        using var command = WorkbenchDatabase.Command(connection, "SELECT COUNT(*) FROM latent_codes WHERE model = @m;", ("@m", model));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    // Width (int32), then the mean and the log-variance as float32, little-endian.
    private static byte[] Encode(LatentCode code)
    {
        var bytes = new byte[4 + 8 * code.Mean.Length];
        BitConverter.TryWriteBytes(bytes, code.Mean.Length);
        Buffer.BlockCopy(code.Mean, 0, bytes, 4, 4 * code.Mean.Length);
        Buffer.BlockCopy(code.LogVariance, 0, bytes, 4 + 4 * code.Mean.Length, 4 * code.Mean.Length);
        return bytes;
    }

    // Null for a row that is not a whole code (it is then encoded again).
    private static LatentCode? Decode(byte[] bytes)
    {
        if (bytes.Length < 4) return null;
        var width = BitConverter.ToInt32(bytes, 0);
        if (width <= 0 || bytes.Length != 4 + 8 * (long)width) return null;
        var (mean, logVariance) = (new float[width], new float[width]);
        Buffer.BlockCopy(bytes, 4, mean, 0, 4 * width);
        Buffer.BlockCopy(bytes, 4 + 4 * width, logVariance, 0, 4 * width);
        return new LatentCode(mean, logVariance);
    }
}
