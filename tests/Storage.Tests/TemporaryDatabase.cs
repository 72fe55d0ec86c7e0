using System.Data.Common;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Tests;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LatentWorkbench.Storage.Tests;

/// <summary>
/// A fresh, empty workbench store for one test: an SQLite file in its own temporary folder, or a new database on the
/// test run's private PostgreSQL cluster (the test skips, saying why, where that cluster cannot start). The
/// <see cref="Database"/> is opened (and migrated) on first use, so a test can first write an older schema with
/// <see cref="OpenRaw"/>. The toy domain's library and sessions are at hand.
/// </summary>
internal sealed class TemporaryDatabase : IDisposable
{
    private readonly List<WorkbenchDatabase> _opened = [];
    private WorkbenchDatabase? _database;

    private TemporaryDatabase(StorageSettings settings) => Settings = settings;

    /// <summary>A store of <paramref name="provider"/>; skips the calling test when PostgreSQL is asked for and cannot run here.</summary>
    public static TemporaryDatabase Create(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
            return new(StorageSettings.Sqlite(Path.Combine(Path.GetTempPath(), $"latent-storage-{Guid.NewGuid():N}", "workbench.db")));
        Skip.If(PostgresCluster.Instance.Unavailable is not null, PostgresCluster.Instance.Unavailable);
        return new(StorageSettings.Postgres(PostgresCluster.Instance.CreateDatabase()));
    }

    public StorageSettings Settings { get; }

    public StorageProvider Provider => Settings.Provider;

    /// <summary>The SQLite file (null for PostgreSQL).</summary>
    public string? File => Provider == StorageProvider.Sqlite ? Settings.Target : null;

    /// <summary>The store, opened and migrated on first use.</summary>
    public WorkbenchDatabase Database => _database ??= Reopen();

    /// <summary>Opens the same store again, as another process (or a restart) would.</summary>
    public WorkbenchDatabase Reopen()
    {
        if (File is not null) Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        var database = new WorkbenchDatabase(Settings);
        _opened.Add(database);
        return database;
    }

    /// <summary>An open connection to the store without migrations (to write what an older version left).</summary>
    public DbConnection OpenRaw()
    {
        DbConnection connection;
        if (File is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            connection = new SqliteConnection($"Data Source={File}");
        }
        else connection = new NpgsqlConnection(Settings.Target);
        connection.Open();
        return connection;
    }

    public LibraryStore Library => new(Database, new DomainRegistry([new ToyDomain()]));

    public SessionStore Sessions => new(Database);

    public void Dispose()
    {
        foreach (var database in _opened) database.Dispose();
        if (File is null) return;
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path.GetDirectoryName(File))) Directory.Delete(Path.GetDirectoryName(File)!, recursive: true);
    }
}
