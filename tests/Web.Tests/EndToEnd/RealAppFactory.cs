using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.EndToEnd;

/// <summary>
/// The real workbench (both domains, the default checkpoints under sample-data/models) on Kestrel at a free loopback
/// port, with its own SQLite file.
/// </summary>
public sealed class RealAppFactory : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"latent-e2e-{Guid.NewGuid():N}.db");

    /// <summary>Data and model folders of training jobs started in the browser, deleted with the factory.</summary>
    public string TrainingFolder { get; } = Directory.CreateTempSubdirectory("latent-e2e-training-").FullName;

    public RealAppFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>The base address of the started server, ending with a slash.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.TrimEnd('/') + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Device", "cpu");
        builder.UseSetting("Storage:Database", _database);
        builder.UseSetting("Training:DataRoots", Path.Combine(TrainingFolder, "data"));
        builder.UseSetting("Training:ModelsFolder", Path.Combine(TrainingFolder, "models"));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
        Directory.Delete(TrainingFolder, recursive: true);
    }
}
