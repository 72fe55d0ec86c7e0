using Microsoft.Data.Sqlite;

namespace LatentWorkbench.Storage.Tests;

/// <summary>A database written before sign-in existed (schema 3) opens with everything in it, now the lab's.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"latent-upgrade-{Guid.NewGuid():N}", "workbench.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
    }

    [Fact]
    public void Version3Database_KeepsItsItemsAndSessions_AsTheLabs()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        using (var connection = new SqliteConnection($"Data Source={_file}"))
        {
            connection.Open();
            WorkbenchDatabase.Execute(connection, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL);");
            for (int version = 1; version <= 3; version++)
            {
                WorkbenchDatabase.Execute(connection, SchemaMigrations.Scripts[version - 1]);
                WorkbenchDatabase.Execute(connection, "INSERT INTO schema_version VALUES (@v, 'then');", ("@v", version));
            }
            WorkbenchDatabase.Execute(connection,
                """
                INSERT INTO library_items (id, domain, name, text, tags, properties, created) VALUES (7, 'toy', 'old', 'ABC', '["kept"]', '{}', '2026-01-01T00:00:00+00:00');
                INSERT INTO sessions (kind, domain, title, request, result, created) VALUES ('interpolation', 'toy', 'old path', '{}', '[]', '2026-01-01T00:00:00+00:00');
                """);
        }
        SqliteConnection.ClearAllPools();

        var database = new WorkbenchDatabase(_file);
        var library = new LibraryStore(database, new Core.Domains.DomainRegistry([new Core.Tests.Toy.ToyDomain()]));
        var old = Assert.Single(library.List(ItemAccess.User("anyone"), "toy"));
        Assert.Equal((7L, "old", "ABC", (string?)null, false), (old.Id, old.Name, old.Text, old.Owner, old.Shared));
        Assert.Equal(["kept"], old.Tags);
        Assert.Equal("old path", Assert.Single(new SessionStore(database).List(ItemAccess.User("anyone"))).Title);
        Assert.Equal(old.Id, library.Add(ItemAccess.Everyone, "toy", "ABC").Id);
    }
}
