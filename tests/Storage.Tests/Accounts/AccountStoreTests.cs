using LatentWorkbench.Storage.Accounts;

namespace LatentWorkbench.Storage.Tests.Accounts;

public sealed class AccountStoreTestsOnSqlite() : AccountStoreTests(StorageProvider.Sqlite);

public sealed class AccountStoreTestsOnPostgres() : AccountStoreTests(StorageProvider.Postgres);

public abstract class AccountStoreTests(StorageProvider provider) : StoreTests(provider)
{
    private AccountStore Accounts => new(Db.Database);

    private WorkbenchUser Add(string name, string role = WorkbenchRoles.Viewer)
    {
        var user = new WorkbenchUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), PasswordHash = "hash", Role = role };
        Assert.True(Accounts.Create(user));
        return user;
    }

    [SkippableFact]
    public void Create_ANameTakenInAnyCase_IsRefused_AndUpdateKeepsNamesUnique()
    {
        var ada = Add("ada");
        Assert.False(Accounts.Create(new WorkbenchUser { UserName = "ADA", NormalizedUserName = "ADA" }));
        var bob = Add("bob");
        bob.UserName = "Ada";
        bob.NormalizedUserName = "ADA";
        Assert.False(Accounts.Update(bob));
        ada.Role = WorkbenchRoles.Editor;
        Assert.True(Accounts.Update(ada));
        Assert.Equal(WorkbenchRoles.Editor, Accounts.FindByName("ADA")!.Role);
        Assert.Equal(2, Accounts.Count());
        Assert.Equal(["ada", "bob"], Accounts.List().Select(u => u.UserName));
    }

    [SkippableFact]
    public void Key_FindsItsUser_UntilRevoked_AndIsKeptOnlyAsAHash()
    {
        var ada = Add("ada", WorkbenchRoles.Editor);
        var (key, secret) = Accounts.CreateKey(ada.Id, "laptop");
        Assert.StartsWith(AccountStore.KeyPrefix, secret);
        Assert.True(secret.Length > 40);
        Assert.StartsWith(key.Prefix, secret);
        Assert.Equal(ada.Id, Accounts.FindByKey(secret)!.Id);
        Assert.NotNull(Assert.Single(Accounts.Keys(ada.Id)).LastUsed);

        Assert.Null(Accounts.FindByKey(secret + "x"));
        Assert.Null(Accounts.FindByKey("not a key"));
        Assert.False(Accounts.RevokeKey(Add("bob").Id, key.Id)); // only its owner revokes it
        Assert.True(Accounts.RevokeKey(ada.Id, key.Id));
        Assert.Null(Accounts.FindByKey(secret));
        // Only a hash and a short prefix are stored.
        using var connection = Db.Database.Open();
        using var stored = WorkbenchDatabase.Command(connection, "SELECT COUNT(*) FROM api_keys WHERE hash = @s OR prefix = @s;", ("@s", secret));
        Assert.Equal(0L, Convert.ToInt64(stored.ExecuteScalar()));
        if (Db.File is { } file) Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file)));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("   ")]
    public void CreateKey_WithoutAName_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => Accounts.CreateKey(Add("ada").Id, name));

    [SkippableFact]
    public void CreateKey_PastTheLimit_IsRefused()
    {
        var ada = Add("ada");
        for (int i = 0; i < AccountStore.MaxKeysPerUser; i++) Accounts.CreateKey(ada.Id, $"key {i}");
        Assert.Contains("at most", Assert.Throws<ArgumentException>(() => Accounts.CreateKey(ada.Id, "one more")).Message);
    }
}

public sealed class WorkbenchRolesTests
{
    [Theory]
    [InlineData(WorkbenchRoles.Viewer, WorkbenchRoles.Viewer, true)]
    [InlineData(WorkbenchRoles.Viewer, WorkbenchRoles.Editor, false)]
    [InlineData(WorkbenchRoles.Admin, WorkbenchRoles.Editor, true)]
    [InlineData(null, WorkbenchRoles.Viewer, false)]
    [InlineData("root", WorkbenchRoles.Viewer, false)]
    public void Roles_AllowWhatTheRolesBelowThemDo(string? role, string required, bool allowed) =>
        Assert.Equal(allowed, WorkbenchRoles.Allows(role, required));
}
