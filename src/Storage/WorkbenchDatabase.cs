using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Storage;

/// <summary>
/// The workbench's SQLite file (the web app's <c>Storage:Database</c>, default <c>App_Data/workbench.db</c> under its
/// content root; the command line's <c>--db</c>). Every operation opens its own pooled connection; WAL lets readers work beside the one writer and a
/// busy timeout makes concurrent writers wait instead of failing.
/// </summary>
public sealed class WorkbenchDatabase
{
    /// <summary>How long a writer waits for another one, in milliseconds.</summary>
    public const int BusyTimeoutMs = 5000;

    private readonly string _connectionString;

    /// <summary>
    /// Opens (or creates) the database at <paramref name="filePath"/>, creating its folder and applying pending
    /// migrations. A file that is not a readable database (damaged, truncated, something else) is moved aside to
    /// <c>NAME.damaged-TIMESTAMP</c> and a new database is started, so the app still runs; <see cref="StartupProblem"/>
    /// then says so, naming both files.
    /// </summary>
    public WorkbenchDatabase(string filePath)
    {
        FilePath = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();
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

    /// <summary>What went wrong with the database file at start-up and what was done about it, or null.</summary>
    public string? StartupProblem { get; }

    private void Prepare()
    {
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using (var check = Command(connection, "PRAGMA quick_check;"))
        {
            if (check.ExecuteScalar() is string result && result != "ok")
                throw new SqliteException($"database disk image is malformed: {result}", Corrupt);
        }
        SchemaMigrations.Apply(connection);
    }

    /// <summary>Full path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>An open connection with foreign keys on and the busy timeout set; dispose it after the operation.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMs};");
        return connection;
    }

    /// <summary>Runs a statement with named parameters (<c>$name</c>) and returns the number of changed rows.</summary>
    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>A command with named parameters; null values become SQL NULL.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
