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

    [SkippableFact]
    public void LatentCodes_AreKeptPerModel_ReadBackWhole_AndOtherModelsOfADomainForgotten()
    {
        var codes = new LatentCodeStore(Db.Database);
        var (molecules, older, music) = (LatentCodeStore.ModelKey("molecules", "{\"step\":2}"), LatentCodeStore.ModelKey("molecules", "{\"step\":1}"), LatentCodeStore.ModelKey("music", "{}"));
        Assert.NotEqual(molecules, older);
        Core.Latent.LatentCode Code(float v) => new([v, -v, 0.5f], [v / 10, 0, -1]);
        codes.Keep(molecules, [("CCO", Code(1)), ("c1ccccc1", Code(2))]);
        codes.Keep(molecules, [("CCO", Code(3))]); // a later code replaces the earlier
        codes.Keep(older, [("CCO", Code(4))]);
        codes.Keep(music, [("M4 BAR", Code(5))]);

        // Another instance (or a restart) reads them back exactly; each model only its own.
        var there = new LatentCodeStore(Db.Reopen());
        var found = there.Find(molecules, Enumerable.Range(0, 1200).Select(i => $"C{i}").Append("CCO").Append("c1ccccc1").Append("CCO").ToList());
        Assert.Equal(["CCO", "c1ccccc1"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Code(3).Mean, found["CCO"].Mean);
        Assert.Equal(Code(3).LogVariance, found["CCO"].LogVariance);
        Assert.Equal(4, there.Find(older, ["CCO"])["CCO"].Mean[0]);
        Assert.Empty(there.Find(molecules, []));

        Assert.Equal(1, there.ForgetOtherModels("molecules", molecules));
        Assert.Empty(there.Find(older, ["CCO"]));
        Assert.Equal(2, there.Count(molecules));
        Assert.Equal(1, there.Count(music)); // another domain's codes stay
    }
}
