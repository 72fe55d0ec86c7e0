using System.Data.Common;

namespace LatentWorkbench.Storage;

/// <summary>
/// The database schema as a versioned list of SQL scripts per provider: the same versions, each written in the
/// provider's SQL. The pending scripts and their rows in <c>schema_version</c> run in one transaction, so a failed
/// upgrade leaves the previous version intact. Forward only: append, never edit.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>The SQLite scripts, version 1 first.</summary>
    public static IReadOnlyList<string> Sqlite { get; } =
    [
        """
        CREATE TABLE library_items (
            id INTEGER PRIMARY KEY,
            domain TEXT NOT NULL,
            name TEXT NOT NULL,
            text TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            properties TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            UNIQUE (domain, text));
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            domain TEXT NOT NULL,
            title TEXT NOT NULL,
            request TEXT NOT NULL,
            result TEXT NOT NULL,
            created TEXT NOT NULL);
        CREATE INDEX sessions_by_domain ON sessions (domain, created);
        """,
        """
        CREATE TABLE active_models (
            domain TEXT PRIMARY KEY,
            folder TEXT NOT NULL);
        """,
        """
        CREATE TABLE training_jobs (
            id INTEGER PRIMARY KEY,
            domain TEXT NOT NULL,
            request TEXT NOT NULL,
            output TEXT NOT NULL,
            status TEXT NOT NULL,
            step INTEGER NOT NULL DEFAULT 0,
            total_steps INTEGER NOT NULL DEFAULT 0,
            epoch INTEGER NOT NULL DEFAULT 0,
            epochs INTEGER NOT NULL DEFAULT 0,
            eta_seconds REAL,
            message TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL);
        CREATE INDEX training_jobs_by_status ON training_jobs (status, id);
        CREATE TABLE training_job_points (
            job_id INTEGER NOT NULL REFERENCES training_jobs (id) ON DELETE CASCADE,
            step INTEGER NOT NULL,
            epoch INTEGER NOT NULL,
            loss REAL NOT NULL,
            kl REAL NOT NULL,
            token_accuracy REAL NOT NULL,
            kl_weight REAL NOT NULL,
            learning_rate REAL NOT NULL,
            tokens_per_second REAL NOT NULL,
            valid_token_accuracy REAL,
            valid_exact REAL,
            valid_kl REAL,
            active_units_fraction REAL);
        CREATE INDEX training_job_points_by_job ON training_job_points (job_id, step);
        """,
        // Version 4: sign-in. Users and their API keys; library items and sessions gain an owner (NULL: the lab's),
        // and library items a shared flag. The library table is rebuilt because its text is now unique per owner.
        """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            normalized_name TEXT NOT NULL UNIQUE,
            password_hash TEXT,
            security_stamp TEXT NOT NULL,
            role TEXT NOT NULL,
            created TEXT NOT NULL);
        CREATE TABLE api_keys (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            prefix TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            last_used TEXT);
        CREATE INDEX api_keys_by_user ON api_keys (user_id);
        CREATE TABLE library_items_v4 (
            id INTEGER PRIMARY KEY,
            domain TEXT NOT NULL,
            name TEXT NOT NULL,
            text TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            properties TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            owner TEXT,
            shared INTEGER NOT NULL DEFAULT 0);
        INSERT INTO library_items_v4 (id, domain, name, text, tags, properties, created)
            SELECT id, domain, name, text, tags, properties, created FROM library_items;
        DROP TABLE library_items;
        ALTER TABLE library_items_v4 RENAME TO library_items;
        CREATE UNIQUE INDEX library_items_by_text ON library_items (domain, text, COALESCE(owner, ''));
        ALTER TABLE sessions ADD COLUMN owner TEXT;
        CREATE INDEX sessions_by_owner ON sessions (owner, id);
        """,
        // Version 5: the training queue shared by instances (a worker holds a running job under a lease it renews; a
        // user's cancel reaches that worker through the row) and ASP.NET data-protection keys every instance reads.
        """
        ALTER TABLE training_jobs ADD COLUMN worker TEXT;
        ALTER TABLE training_jobs ADD COLUMN lease_until INTEGER;
        ALTER TABLE training_jobs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE training_jobs ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX training_jobs_by_update ON training_jobs (updated);
        CREATE TABLE data_protection_keys (
            name TEXT PRIMARY KEY,
            xml TEXT NOT NULL,
            created TEXT NOT NULL);
        """,
        // Version 6: latent codes of library items, per model, so that a restart does not encode the library again.
        """
        CREATE TABLE latent_codes (
            model TEXT NOT NULL,
            item TEXT NOT NULL,
            code BLOB NOT NULL,
            PRIMARY KEY (model, item));
        """,
    ];

    /// <summary>
    /// The PostgreSQL scripts, version for version as <see cref="Sqlite"/>: identity columns for SQLite's rowid keys,
    /// <c>BIGINT</c> and <c>DOUBLE PRECISION</c> for what the stores read as 64-bit integers and doubles.
    /// </summary>
    public static IReadOnlyList<string> Postgres { get; } =
    [
        """
        CREATE TABLE library_items (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            domain TEXT NOT NULL,
            name TEXT NOT NULL,
            text TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            properties TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            UNIQUE (domain, text));
        CREATE TABLE sessions (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            kind TEXT NOT NULL,
            domain TEXT NOT NULL,
            title TEXT NOT NULL,
            request TEXT NOT NULL,
            result TEXT NOT NULL,
            created TEXT NOT NULL);
        CREATE INDEX sessions_by_domain ON sessions (domain, created);
        """,
        """
        CREATE TABLE active_models (
            domain TEXT PRIMARY KEY,
            folder TEXT NOT NULL);
        """,
        """
        CREATE TABLE training_jobs (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            domain TEXT NOT NULL,
            request TEXT NOT NULL,
            output TEXT NOT NULL,
            status TEXT NOT NULL,
            step BIGINT NOT NULL DEFAULT 0,
            total_steps BIGINT NOT NULL DEFAULT 0,
            epoch INTEGER NOT NULL DEFAULT 0,
            epochs INTEGER NOT NULL DEFAULT 0,
            eta_seconds DOUBLE PRECISION,
            message TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL);
        CREATE INDEX training_jobs_by_status ON training_jobs (status, id);
        CREATE TABLE training_job_points (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            job_id BIGINT NOT NULL REFERENCES training_jobs (id) ON DELETE CASCADE,
            step BIGINT NOT NULL,
            epoch INTEGER NOT NULL,
            loss DOUBLE PRECISION NOT NULL,
            kl DOUBLE PRECISION NOT NULL,
            token_accuracy DOUBLE PRECISION NOT NULL,
            kl_weight DOUBLE PRECISION NOT NULL,
            learning_rate DOUBLE PRECISION NOT NULL,
            tokens_per_second DOUBLE PRECISION NOT NULL,
            valid_token_accuracy DOUBLE PRECISION,
            valid_exact DOUBLE PRECISION,
            valid_kl DOUBLE PRECISION,
            active_units_fraction DOUBLE PRECISION);
        CREATE INDEX training_job_points_by_job ON training_job_points (job_id, step);
        """,
        """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            normalized_name TEXT NOT NULL UNIQUE,
            password_hash TEXT,
            security_stamp TEXT NOT NULL,
            role TEXT NOT NULL,
            created TEXT NOT NULL);
        CREATE TABLE api_keys (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            prefix TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            last_used TEXT);
        CREATE INDEX api_keys_by_user ON api_keys (user_id);
        ALTER TABLE library_items ADD COLUMN owner TEXT, ADD COLUMN shared BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE library_items DROP CONSTRAINT library_items_domain_text_key;
        CREATE UNIQUE INDEX library_items_by_text ON library_items (domain, text, COALESCE(owner, ''));
        ALTER TABLE sessions ADD COLUMN owner TEXT;
        CREATE INDEX sessions_by_owner ON sessions (owner, id);
        """,
        """
        ALTER TABLE training_jobs ADD COLUMN worker TEXT, ADD COLUMN lease_until BIGINT, ADD COLUMN cancel_requested BIGINT NOT NULL DEFAULT 0,
            ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX training_jobs_by_update ON training_jobs (updated);
        CREATE TABLE data_protection_keys (
            name TEXT PRIMARY KEY,
            xml TEXT NOT NULL,
            created TEXT NOT NULL);
        """,
        """
        CREATE TABLE latent_codes (
            model TEXT NOT NULL,
            item TEXT NOT NULL,
            code BYTEA NOT NULL,
            PRIMARY KEY (model, item));
        """,
    ];

    /// <summary>The version a fully migrated database has (the same for every provider).</summary>
    public static int Latest => Sqlite.Count;

    /// <summary>The scripts of <paramref name="provider"/>.</summary>
    public static IReadOnlyList<string> Scripts(StorageProvider provider) => provider == StorageProvider.Postgres ? Postgres : Sqlite;

    /// <summary>
    /// Applies the scripts newer than the database's version, inside one write transaction (SQLite: <c>BEGIN
    /// IMMEDIATE</c>; PostgreSQL: under an advisory lock), so that instances starting together cannot both apply the
    /// same script. Returns the version reached.
    /// </summary>
    public static int Apply(DbConnection connection, StorageProvider provider)
    {
        var scripts = Scripts(provider);
        using var transaction = connection.BeginTransaction();
        if (provider == StorageProvider.Postgres) WorkbenchDatabase.Execute(connection, $"SELECT pg_advisory_xact_lock({MigrationLock});");
        WorkbenchDatabase.Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL);");
        using (var read = WorkbenchDatabase.Command(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version;"))
        {
            var current = Convert.ToInt32(read.ExecuteScalar());
            for (int version = current + 1; version <= scripts.Count; version++)
            {
                WorkbenchDatabase.Execute(connection, scripts[version - 1]);
                WorkbenchDatabase.Execute(connection, "INSERT INTO schema_version (version, applied) VALUES (@v, @t);",
                    ("@v", version), ("@t", DateTimeOffset.UtcNow.ToString("O")));
            }
        }
        transaction.Commit();
        return scripts.Count;
    }

    // Any fixed number; only migrations take this PostgreSQL advisory lock.
    private const long MigrationLock = 0x4C61_7465_6E74;
}
