using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Storage;
using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Web.Tests.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LatentWorkbench.Web.Tests.Services;

/// <summary>
/// Two instances' services over one database, in this process: the model one activates the other follows, and what one
/// protects (a sign-in cookie) the other reads. The same happens across processes on PostgreSQL (Cluster/TwoInstanceTests).
/// </summary>
[Collection(ToyComponentCollection.Name)]
public sealed class InstanceSharingTests(ToyModelFixture toy) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-sharing-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "workbench.db");

    private ModelHub Hub() => new(new DomainRegistry([toy.Domain]),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Models:toy"] = toy.ModelFolder, ["Device"] = "cpu" }).Build(),
        NullLogger<ModelHub>.Instance, new ActiveModelStore(new WorkbenchDatabase(DatabaseFile)));

    [Fact]
    public async Task AModelActivatedOnOneInstance_IsServedByTheOther()
    {
        var copy = Path.Combine(_folder, "copy");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(toy.ModelFolder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        await using var a = Hub();
        await using var b = Hub();
        var before = b.Get("toy");
        Assert.Equal(toy.ModelFolder, b.FolderOf(toy.Domain));
        Assert.Empty(await b.FollowChoicesAsync());

        await a.ActivateAsync("toy", copy);
        Assert.Equal(["toy"], await b.FollowChoicesAsync());
        Assert.Equal(copy, b.FolderOf(toy.Domain));
        Assert.NotSame(before, b.Get("toy"));
        Assert.Empty(await b.FollowChoicesAsync());
    }

    [Fact]
    public void WhatOneInstanceProtects_TheOtherReads_AndTheKeysAreInTheDatabase()
    {
        IDataProtector Protector()
        {
            var services = new ServiceCollection().AddLogging().AddSingleton(new WorkbenchDatabase(DatabaseFile));
            return services.AddWorkbenchDataProtection().BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("sign-in");
        }
        var token = Protector().Protect("ada");
        Assert.Equal("ada", Protector().Unprotect(token));
        Assert.NotEmpty(new DataProtectionKeyStore(new WorkbenchDatabase(DatabaseFile)).All());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
