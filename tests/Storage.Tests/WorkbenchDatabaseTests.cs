using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Storage.Tests;

public sealed class WorkbenchDatabaseTestsOnSqlite() : WorkbenchDatabaseTests(StorageProvider.Sqlite);

public sealed class WorkbenchDatabaseTestsOnPostgres() : WorkbenchDatabaseTests(StorageProvider.Postgres);

/// <summary>Opening, migrating and writing a store, the same on every provider.</summary>
public abstract class WorkbenchDatabaseTests(StorageProvider provider) : StoreTests(provider)
{
    private LibraryStore Library(WorkbenchDatabase database) => new(database, new DomainRegistry([new ToyDomain()]));

    [SkippableFact]
    public void Open_AppliesEveryMigrationOnce_AndKeepsDataAcrossRestarts()
    {
        Library(Db.Database).Add(ItemAccess.Everyone, "toy", "ABC", "first");
        var reopened = Db.Reopen();
        Assert.Equal(Provider, reopened.Provider);
        Assert.Equal(SchemaMigrations.Latest, SchemaMigrations.Scripts(Provider).Count);
        using var connection = reopened.Open();
        using var versions = WorkbenchDatabase.Command(connection, "SELECT COUNT(*), MAX(version) FROM schema_version;");
        using var reader = versions.ExecuteReader();
        reader.Read();
        Assert.Equal(SchemaMigrations.Latest, Convert.ToInt32(reader.GetValue(0)));
        Assert.Equal(SchemaMigrations.Latest, Convert.ToInt32(reader.GetValue(1)));
        Assert.Equal("first", Assert.Single(Library(reopened).List(ItemAccess.Everyone, "toy")).Name);
    }

    [SkippableFact]
    public async Task InstancesStartingTogether_MigrateOnce()
    {
        var target = Db; // created, not yet opened
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(target.Reopen)));
        using var connection = opened[0].Open();
        using var versions = WorkbenchDatabase.Command(connection, "SELECT COUNT(*) FROM schema_version;");
        Assert.Equal(SchemaMigrations.Latest, Convert.ToInt32(versions.ExecuteScalar()));
    }

    [SkippableFact]
    public async Task ConcurrentWriters_AllLand()
    {
        var store = Library(Db.Database);
        const string letters = "ABCDE";
        var texts = Enumerable.Range(0, 40).Select(i => new string([letters[i / 25], letters[i / 5 % 5], letters[i % 5]])).ToList();
        await Task.WhenAll(texts.Select(t => Task.Run(() => store.Add(ItemAccess.Everyone, "toy", t))));
        Assert.Equal(texts.Count, store.List(ItemAccess.Everyone, "toy").Count);
    }

    [SkippableFact]
    public void Add_InvalidItem_ThrowsWithThePosition()
    {
        Assert.Equal(2, Assert.Throws<ItemInputException>(() => Library(Db.Database).Add(ItemAccess.Everyone, "toy", "ABZ")).Position);
    }

    [SkippableFact]
    public void Search_IgnoresCase_AndTakesWildcardsLiterally()
    {
        var store = Library(Db.Database);
        store.Add(ItemAccess.Everyone, "toy", "ABC", "Benzene ring", ["Aromatic"]);
        store.Add(ItemAccess.Everyone, "toy", "ABD", "50% done");
        store.Add(ItemAccess.Everyone, "toy", "ABE", "under_score");
        Assert.Equal(["Benzene ring"], store.List(ItemAccess.Everyone, "toy", "BENZENE").Select(i => i.Name));
        Assert.Equal(["Benzene ring"], store.List(ItemAccess.Everyone, "toy", "aromatic").Select(i => i.Name));
        Assert.Equal(["50% done"], store.List(ItemAccess.Everyone, "toy", "%").Select(i => i.Name));
        Assert.Equal(["under_score"], store.List(ItemAccess.Everyone, "toy", "_").Select(i => i.Name));
    }
}

/// <summary>What only the SQLite file does: write-ahead logging, and a damaged file moved aside.</summary>
public sealed class SqliteFileTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"latent-db-{Guid.NewGuid():N}", "workbench.db");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Open_AFileThatIsNotADatabase_IsMovedAsideNamed_AndANewOneStarts(bool truncatedCopy)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        if (truncatedCopy)
        {
            // A real database with items, cut off after its first pages (as a copy interrupted half-way).
            var full = new LibraryStore(new WorkbenchDatabase(_file), new DomainRegistry([new ToyDomain()]));
            for (int i = 0; i < 300; i++) full.Add(ItemAccess.Everyone, "toy", new string([.. Enumerable.Range(0, 8).Select(k => "ABCDE"[(i >> k) % 5])]), $"item {i}");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var bytes = File.ReadAllBytes(_file);
            File.WriteAllBytes(_file, bytes[..(bytes.Length / 3)]);
            foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(_file + suffix);
        }
        else
        {
            File.WriteAllText(_file, "not a database at all, just text that happens to be longer than a header");
        }
        var content = File.ReadAllBytes(_file);
        var database = new WorkbenchDatabase(_file);
        Assert.NotNull(database.StartupProblem);
        Assert.Contains(_file, database.StartupProblem);
        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_file)!, "workbench.db.damaged-*"));
        Assert.Contains(aside, database.StartupProblem);
        Assert.Equal(content, File.ReadAllBytes(aside));
        var store = new LibraryStore(database, new DomainRegistry([new ToyDomain()]));
        store.Add(ItemAccess.Everyone, "toy", "ABC", "after");
        Assert.Equal("after", Assert.Single(store.List(ItemAccess.Everyone, "toy")).Name);
        Assert.Null(new WorkbenchDatabase(_file).StartupProblem);
    }

    [Fact]
    public void Open_UsesWriteAheadLogging()
    {
        using var connection = new WorkbenchDatabase(_file).Open();
        using var mode = WorkbenchDatabase.Command(connection, "PRAGMA journal_mode;");
        Assert.Equal("wal", mode.ExecuteScalar() as string);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
    }
}
