namespace LatentWorkbench.Storage;

/// <summary>
/// Which store to open: an SQLite <see cref="Target"/> file, or a PostgreSQL connection string (<c>Host=...;Database=...;
/// Username=...</c>). The web app reads them from <c>Storage:Provider</c> and <c>Storage:ConnectionString</c> (or
/// <c>Storage:Database</c>, the SQLite file); the command line from <c>--provider</c> and <c>--db</c>.
/// </summary>
public sealed record StorageSettings(StorageProvider Provider, string Target)
{
    /// <summary>An SQLite file.</summary>
    public static StorageSettings Sqlite(string filePath) => new(StorageProvider.Sqlite, filePath);

    /// <summary>A PostgreSQL database.</summary>
    public static StorageSettings Postgres(string connectionString) => new(StorageProvider.Postgres, connectionString);

    /// <summary>
    /// The provider named <paramref name="provider"/> (<c>sqlite</c>, the default, or <c>postgres</c>) over
    /// <paramref name="target"/>. Throws <see cref="ArgumentException"/> for another name or a missing connection string.
    /// </summary>
    public static StorageSettings Parse(string? provider, string? target, string defaultFile) =>
        (provider ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" or "" => Sqlite(string.IsNullOrWhiteSpace(target) ? defaultFile : target),
            "postgres" or "postgresql" => string.IsNullOrWhiteSpace(target)
                ? throw new ArgumentException("The postgres storage provider needs a connection string (Storage:ConnectionString, or --db).")
                : Postgres(target),
            _ => throw new ArgumentException($"Unknown storage provider '{provider}'; use sqlite or postgres."),
        };
}
