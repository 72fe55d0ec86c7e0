using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LatentWorkbench.Storage;

/// <summary>
/// The workbench's store: an SQLite file (the web app's <c>Storage:Database</c>, default <c>App_Data/workbench.db</c>
/// under its content root; the command line's <c>--db</c>) or a PostgreSQL database that several instances share.
/// Every operation opens its own pooled connection. SQLite runs in WAL mode (readers work beside the one writer) with a
/// busy timeout (concurrent writers wait instead of failing). The stores write one SQL for both: named parameters
/// (<c>@name</c>), <c>RETURNING</c>, <c>ON CONFLICT</c>, and the few differences in <see cref="Dialect"/>.
/// </summary>
public sealed class WorkbenchDatabase : IDisposable
{
    /// <summary>How long an SQLite writer waits for another one, in milliseconds.</summary>
    public const int BusyTimeoutMs = 5000;

    private readonly string? _sqliteConnectionString;
    private readonly NpgsqlDataSource? _postgres;

    /// <summary>Opens (or creates) the SQLite database at <paramref name="filePath"/>.</summary>
    public WorkbenchDatabase(string filePath) : this(StorageSettings.Sqlite(filePath)) { }

    /// <summary>
    /// Opens the store <paramref name="settings"/> name and applies pending migrations. An SQLite file that is not a
    /// readable database (damaged, truncated, something else) is moved aside to <c>NAME.damaged-TIMESTAMP</c> and a new
    /// database is started, so the app still runs; <see cref="StartupProblem"/> then says so, naming both files.
    /// </summary>
    public WorkbenchDatabase(StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Provider = settings.Provider;
        if (Provider == StorageProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(settings.Target);
            var target = new NpgsqlConnectionStringBuilder(settings.Target);
            Description = $"PostgreSQL database '{target.Database ?? "?"}' on {target.Host ?? "localhost"}";
            FilePath = null;
            Prepare();
            return;
        }
        FilePath = Path.GetFullPath(settings.Target);
        Description = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _sqliteConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();
        try
        {
            Prepare();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is Corrupt or NotADatabase)
        {
            SqliteConnection.ClearAllPools();
            var aside = $"{FilePath}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}";
            File.Move(FilePath, aside);
            foreach (var suffix in new[] { "-wal", "-shm" })
                if (File.Exists(FilePath + suffix)) File.Move(FilePath + suffix, aside + suffix);
            StartupProblem = $"The database '{FilePath}' could not be read ({e.Message.TrimEnd('.')}); it was moved to '{aside}' and a new, empty one was started.";
            Prepare();
        }
    }

    private const int Corrupt = 11, NotADatabase = 26; // SQLITE_CORRUPT, SQLITE_NOTADB

    /// <summary>The kind of store.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The SQL that differs between the providers.</summary>
    public SqlDialect Dialect => Provider == StorageProvider.Postgres ? SqlDialect.Postgres : SqlDialect.Sqlite;

    /// <summary>Full path of the SQLite file; null for PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>The store in words, for messages: the SQLite file's path, or the PostgreSQL database's name.</summary>
    public string Description { get; }

    /// <summary>What went wrong with the database file at start-up and what was done about it, or null.</summary>
    public string? StartupProblem { get; }

    private void Prepare()
    {
        using var connection = Open();
        if (Provider == StorageProvider.Sqlite)
        {
            Execute(connection, "PRAGMA journal_mode = WAL;");
            using var check = Command(connection, "PRAGMA quick_check;");
            if (check.ExecuteScalar() is string result && result != "ok")
                throw new SqliteException($"database disk image is malformed: {result}", Corrupt);
        }
        SchemaMigrations.Apply(connection, Provider);
    }

    /// <summary>An open connection (SQLite: foreign keys on, busy timeout set); dispose it after the operation.</summary>
    public DbConnection Open()
    {
        if (_postgres is not null) return _postgres.OpenConnection();
        var connection = new SqliteConnection(_sqliteConnectionString);
        connection.Open();
        Execute(connection, $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMs};");
        return connection;
    }

    /// <summary>Closes the PostgreSQL connection pool (SQLite's pool is shared per file and needs nothing).</summary>
    public void Dispose() => _postgres?.Dispose();

    /// <summary>True when <paramref name="e"/> is a unique or primary-key violation (a name or text already taken).</summary>
    public static bool IsUniqueViolation(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 } || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>Runs a statement with named parameters (<c>@name</c>) and returns the number of changed rows.</summary>
    public static int Execute(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// A command with named parameters; null values become SQL NULL, and parameters the SQL does not use are left out
    /// (so a caller may pass the same set to conditions that use some of them).
    /// </summary>
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (!Uses(sql, name)) continue;
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static bool Uses(string sql, string name)
    {
        for (int at = sql.IndexOf(name, StringComparison.Ordinal); at >= 0; at = sql.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if (end == sql.Length || !(char.IsLetterOrDigit(sql[end]) || sql[end] == '_')) return true;
        }
        return false;
    }
}
