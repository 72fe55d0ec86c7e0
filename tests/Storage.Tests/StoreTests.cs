namespace LatentWorkbench.Storage.Tests;

/// <summary>
/// Base of the tests every storage provider must pass. Each test class derives twice (…OnSqlite and …OnPostgres), so
/// every test runs once per provider; the PostgreSQL runs skip with the reason where the private cluster cannot start.
/// Tests are <see cref="SkippableFactAttribute"/>s and open the store through <see cref="Db"/> in their body, where
/// that skip can happen.
/// </summary>
public abstract class StoreTests(StorageProvider provider) : IDisposable
{
    private TemporaryDatabase? _db;

    /// <summary>The provider these tests run against.</summary>
    protected StorageProvider Provider => provider;

    /// <summary>This test's fresh store.</summary>
    internal TemporaryDatabase Db => _db ??= TemporaryDatabase.Create(provider);

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }
}
