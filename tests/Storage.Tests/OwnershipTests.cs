namespace LatentWorkbench.Storage.Tests;

public sealed class OwnershipTestsOnSqlite() : OwnershipTests(StorageProvider.Sqlite);

public sealed class OwnershipTestsOnPostgres() : OwnershipTests(StorageProvider.Postgres);

/// <summary>Who sees and changes which library items and sessions (<see cref="ItemAccess"/>).</summary>
public abstract class OwnershipTests(StorageProvider provider) : StoreTests(provider)
{
    private static readonly ItemAccess Ada = ItemAccess.User("ada"), Bob = ItemAccess.User("bob"), Admin = new("root", true);

    [SkippableFact]
    public void LibraryItem_IsItsOwners_UntilShared_AndTheLabsIsEveryones()
    {
        var library = Db.Library;
        var lab = library.Add(ItemAccess.Everyone, "toy", "ABC", "lab");
        var mine = library.Add(Ada, "toy", "BCD", "ada's");
        Assert.Null(lab.Owner);
        Assert.Equal("ada", mine.Owner);

        Assert.Equal(["ada's", "lab"], library.List(Ada, "toy").Select(i => i.Name));
        Assert.Equal(["lab"], library.List(Bob, "toy").Select(i => i.Name));
        Assert.Null(library.Get(Bob, mine.Id));
        Assert.Equal(2, library.List(Admin, "toy").Count);

        Assert.False(library.SetShared(Bob, "toy", mine.Id, true));
        Assert.True(library.SetShared(Ada, "toy", mine.Id, true));
        Assert.True(library.Get(Bob, mine.Id)!.Shared);
        Assert.False(library.Remove(Bob, "toy", mine.Id));
        Assert.False(library.Remove(Ada, "toy", lab.Id)); // the lab's items are an admin's to remove
        Assert.True(library.Remove(Ada, "toy", mine.Id));
        Assert.True(library.Remove(Admin, "toy", lab.Id));
        Assert.Empty(library.List(Admin, "toy"));
    }

    [SkippableFact]
    public void SameItem_IsOnePerOwner_AndAddingItAgainMergesTags()
    {
        var library = Db.Library;
        var first = library.Add(Ada, "toy", "CAB", tags: ["a"]);
        var again = library.Add(Ada, "toy", "CAB", tags: ["b"]);
        var bobs = library.Add(Bob, "toy", "CAB", tags: ["c"]);
        var labs = library.Add(ItemAccess.Everyone, "toy", "CAB");
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(["a", "b"], again.Tags);
        Assert.Equal(3, new[] { first.Id, bobs.Id, labs.Id }.Distinct().Count());
        Assert.Equal(labs.Id, library.Add(ItemAccess.Everyone, "toy", "CAB").Id);
    }

    [SkippableFact]
    public void Session_IsSeenByItsOwnerAndAdmins_AndTheLabsByEveryone()
    {
        var sessions = Db.Sessions;
        var adas = sessions.Save(Ada, SessionStore.Interpolation, "toy", "ada's path", new { }, Array.Empty<int>());
        var labs = sessions.Save(ItemAccess.Everyone, SessionStore.Interpolation, "toy", "lab path", new { }, Array.Empty<int>());
        Assert.Equal([labs.Id, adas.Id], sessions.List(Ada).Select(s => s.Id));
        Assert.Equal([labs.Id], sessions.List(Bob, "toy").Select(s => s.Id));
        Assert.Null(sessions.Get(Bob, adas.Id));
        Assert.NotNull(sessions.Get(Admin, adas.Id));
        Assert.False(sessions.Remove(Bob, adas.Id));
        Assert.False(sessions.Remove(Ada, labs.Id));
        Assert.True(sessions.Remove(Ada, adas.Id));
    }
}
