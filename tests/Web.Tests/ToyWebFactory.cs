using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LatentWorkbench.Web.Tests;

/// <summary>The web app with only the toy domain, serving the toy model trained once for the test run; sign-in off unless a subclass turns it on.</summary>
public class ToyWebFactory : WebApplicationFactory<Program>
{
    public ToyModelFixture Toy { get; } = new();

    /// <summary>A fresh SQLite file per factory, deleted with it.</summary>
    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), $"latent-web-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Models:toy", Toy.ModelFolder);
        builder.UseSetting("Device", "cpu");
        builder.UseSetting("Storage:Database", DatabaseFile);
        builder.UseSetting("Training:DataRoots", Toy.Folder);
        builder.UseSetting("Training:ModelsFolder", Path.Combine(Toy.Folder, "trained"));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IDomainModule>();
            services.AddSingleton<IDomainModule>(Toy.Domain);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Toy.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabaseFile + suffix);
    }
}
