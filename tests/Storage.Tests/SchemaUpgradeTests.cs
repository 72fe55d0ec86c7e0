namespace LatentWorkbench.Storage.Tests;

public sealed class SchemaUpgradeTestsOnSqlite() : SchemaUpgradeTests(StorageProvider.Sqlite);

public sealed class SchemaUpgradeTestsOnPostgres() : SchemaUpgradeTests(StorageProvider.Postgres);

/// <summary>A database written before sign-in existed (schema 3) opens with everything in it, now the lab's.</summary>
public abstract class SchemaUpgradeTests(StorageProvider provider) : StoreTests(provider)
{
    [SkippableFact]
    public void Version3Database_KeepsItsItemsAndSessions_AsTheLabs()
    {
        using (var connection = Db.OpenRaw())
        {
            WorkbenchDatabase.Execute(connection, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL);");
            for (int version = 1; version <= 3; version++)
            {
                WorkbenchDatabase.Execute(connection, SchemaMigrations.Scripts(Provider)[version - 1]);
                WorkbenchDatabase.Execute(connection, "INSERT INTO schema_version VALUES (@v, 'then');", ("@v", version));
            }
            WorkbenchDatabase.Execute(connection,
                """
                INSERT INTO library_items (id, domain, name, text, tags, properties, created) VALUES (7, 'toy', 'old', 'ABC', '["kept"]', '{}', '2026-01-01T00:00:00+00:00');
                INSERT INTO sessions (kind, domain, title, request, result, created) VALUES ('interpolation', 'toy', 'old path', '{}', '[]', '2026-01-01T00:00:00+00:00');
                INSERT INTO training_jobs (domain, request, output, status, created, updated) VALUES ('toy', '{"domain":"toy","name":"old","data":"x"}', '/m/old', 'running', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00');
                """);
        }
        if (Provider == StorageProvider.Sqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var library = Db.Library;
        var old = Assert.Single(library.List(ItemAccess.User("anyone"), "toy"));
        Assert.Equal((7L, "old", "ABC", (string?)null, false), (old.Id, old.Name, old.Text, old.Owner, old.Shared));
        Assert.Equal(["kept"], old.Tags);
        Assert.Equal("old path", Assert.Single(Db.Sessions.List(ItemAccess.User("anyone"))).Title);
        Assert.Equal(old.Id, library.Add(ItemAccess.Everyone, "toy", "ABC").Id);
        // A job some earlier process left running (no worker, no lease) is taken over by the first worker that looks.
        var jobs = new TrainingJobStore(Db.Database);
        var taken = jobs.Claim("new/1/abcdef", TimeSpan.FromMinutes(1));
        Assert.NotNull(taken);
        Assert.Equal(("new/1/abcdef", 1), (taken.Worker, taken.Takeovers));
    }
}
