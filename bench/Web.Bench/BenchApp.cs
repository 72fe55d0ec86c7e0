using LatentWorkbench.Web;

namespace LatentWorkbench.Web.Bench;

/// <summary>The workbench started in this process on a loopback port with its own SQLite file, and a client for it.</summary>
public sealed class BenchApp : ILoadTarget, IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _database;
    private readonly bool _ownsDatabase;

    private BenchApp(WebApplication app, string database, bool ownsDatabase)
    {
        _app = app;
        _database = database;
        _ownsDatabase = ownsDatabase;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>A client of the started app (a handler of its own; callers may run many requests at once).</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Starts the app with <paramref name="settings"/> over the bench defaults (CPU, a fresh database, warnings only);
    /// with <paramref name="database"/>, on that SQLite file instead (a restart), which the caller then deletes.
    /// </summary>
    public static async Task<BenchApp> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string? database = null)
    {
        var owns = database is null;
        database ??= NewDatabasePath();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = BenchPaths.WebProject() });
        builder.Configuration["Storage:Database"] = database;
        builder.Configuration["Device"] = "cpu";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.Configuration[key] = value;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddLatentWorkbench();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseLatentWorkbenchPipeline();
        app.MapWorkbenchApis();
        app.MapWorkbenchPages();
        await app.StartAsync();
        return new BenchApp(app, database, owns);
    }

    /// <summary>This process's resident memory in MB and the TorchSharp tensors alive now (after a full collection, so finalisable garbage does not count).</summary>
    public Task<(double Rss, long Tensors)> FootprintAsync()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return Task.FromResult((process.WorkingSet64 / 1024.0 / 1024.0, TorchSharp.torch.Tensor.TotalCount));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDatabase) DeleteDatabase(_database);
    }

    /// <summary>The SQLite file of this app.</summary>
    public string Database => _database;

    /// <summary>A path for a new bench database in the temporary folder.</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"latent-web-bench-{Guid.NewGuid():N}.db");

    /// <summary>Deletes an SQLite database file and its WAL files.</summary>
    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }
}
