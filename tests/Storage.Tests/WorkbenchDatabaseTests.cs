using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Storage.Tests;

public sealed class WorkbenchDatabaseTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"latent-db-{Guid.NewGuid():N}", "workbench.db");

    [Fact]
    public void Open_AppliesEveryMigrationOnce_AndKeepsDataAcrossRestarts()
    {
        var store = new LibraryStore(new WorkbenchDatabase(_file), new DomainRegistry([new ToyDomain()]));
        store.Add(ItemAccess.Everyone, "toy", "ABC", "first");
        var reopened = new WorkbenchDatabase(_file);
        using var connection = reopened.Open();
        using var versions = WorkbenchDatabase.Command(connection, "SELECT COUNT(*), MAX(version) FROM schema_version;");
        using var reader = versions.ExecuteReader();
        reader.Read();
        Assert.Equal(SchemaMigrations.Latest, reader.GetInt32(0));
        Assert.Equal(SchemaMigrations.Latest, reader.GetInt32(1));
        Assert.Equal("first", Assert.Single(new LibraryStore(reopened, new DomainRegistry([new ToyDomain()])).List(ItemAccess.Everyone, "toy")).Name);
    }

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

    [Fact]
    public async Task ConcurrentWriters_AllLand()
    {
        var store = new LibraryStore(new WorkbenchDatabase(_file), new DomainRegistry([new ToyDomain()]));
        const string letters = "ABCDE";
        var texts = Enumerable.Range(0, 40).Select(i => new string([letters[i / 25], letters[i / 5 % 5], letters[i % 5]])).ToList();
        await Task.WhenAll(texts.Select(t => Task.Run(() => store.Add(ItemAccess.Everyone, "toy", t))));
        Assert.Equal(texts.Count, store.List(ItemAccess.Everyone, "toy").Count);
    }

    [Fact]
    public void Add_InvalidItem_ThrowsWithThePosition()
    {
        var store = new LibraryStore(new WorkbenchDatabase(_file), new DomainRegistry([new ToyDomain()]));
        Assert.Equal(2, Assert.Throws<ItemInputException>(() => store.Add(ItemAccess.Everyone, "toy", "ABZ")).Position);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
    }
}
