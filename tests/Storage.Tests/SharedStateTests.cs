namespace LatentWorkbench.Storage.Tests;

public sealed class SharedStateTestsOnSqlite() : SharedStateTests(StorageProvider.Sqlite);

public sealed class SharedStateTestsOnPostgres() : SharedStateTests(StorageProvider.Postgres);

/// <summary>What every instance reads from the store: the active models and the data-protection keys.</summary>
public abstract class SharedStateTests(StorageProvider provider) : StoreTests(provider)
{
    [SkippableFact]
    public void ActiveModels_AreOnePerDomain_AndSeenByEveryInstance()
    {
        var here = new ActiveModelStore(Db.Database);
        var there = new ActiveModelStore(Db.Reopen());
        Assert.Null(there.Get("molecules"));
        here.Set("molecules", "/models/a");
        here.Set("music", "/models/m");
        here.Set("molecules", "/models/b");
        Assert.Equal("/models/b", there.Get("molecules"));
        Assert.Equal(new Dictionary<string, string> { ["molecules"] = "/models/b", ["music"] = "/models/m" }, there.All());
    }

    [SkippableFact]
    public void DataProtectionKeys_AreKeptOncePerName()
    {
        var keys = new DataProtectionKeyStore(Db.Database);
        keys.Add("key-1", "<key id=\"1\"/>");
        keys.Add("key-2", "<key id=\"2\"/>");
        keys.Add("key-1", "<key id=\"other\"/>");
        Assert.Equal(["<key id=\"1\"/>", "<key id=\"2\"/>"], new DataProtectionKeyStore(Db.Reopen()).All());
        Assert.Throws<ArgumentException>(() => keys.Add(" ", "<key/>"));
    }
}
