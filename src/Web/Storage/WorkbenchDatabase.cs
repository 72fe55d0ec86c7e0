using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Web.Storage;

/// <summary>
/// The workbench's SQLite file (configuration key <c>Storage:Database</c>, default <c>App_Data/workbench.db</c> under the
/// content root). Every operation opens its own pooled connection; WAL lets readers work beside the one writer and a
/// busy timeout makes concurrent writers wait instead of failing.
/// </summary>
public sealed class WorkbenchDatabase
{
    /// <summary>How long a writer waits for another one, in milliseconds.</summary>
    public const int BusyTimeoutMs = 5000;

    private readonly string _connectionString;

    /// <summary>Opens (or creates) the database at <paramref name="filePath"/>, creating its folder and applying pending migrations.</summary>
    public WorkbenchDatabase(string filePath)
    {
        FilePath = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        SchemaMigrations.Apply(connection);
    }

    /// <summary>The file named by <c>Storage:Database</c> (relative to the content root), else <c>App_Data/workbench.db</c>.</summary>
    public static string PathFrom(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Storage:Database"] is { Length: > 0 } configured ? configured : Path.Combine("App_Data", "workbench.db"),
            environment.ContentRootPath);

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
