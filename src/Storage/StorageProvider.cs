namespace LatentWorkbench.Storage;

/// <summary>Where the workbench keeps its data: an SQLite file on one machine, or a PostgreSQL database shared by several.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, through Npgsql.</summary>
    Postgres,
}
