using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Yarp.ReverseProxy.Configuration;

namespace LatentWorkbench.Web.Bench;

/// <summary>
/// Several workbench processes (the built <c>src/Web</c> app) on one PostgreSQL database, behind a round-robin YARP
/// proxy in this process: the deployment docs/web.md describes, on loopback ports. The footprint is the sum of every
/// instance's <c>GET /api/instance</c>.
/// </summary>
public sealed class WorkbenchCluster : ILoadTarget, IAsyncDisposable
{
    private readonly List<Process> _instances;
    private readonly List<Uri> _addresses;
    private readonly WebApplication _proxy;

    private WorkbenchCluster(List<Process> instances, List<Uri> addresses, WebApplication proxy)
    {
        _instances = instances;
        _addresses = addresses;
        _proxy = proxy;
        Http = new HttpClient { BaseAddress = new Uri(proxy.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <inheritdoc/>
    public HttpClient Http { get; }

    /// <summary>How many instances serve behind the proxy.</summary>
    public int Count => _instances.Count;

    /// <summary>
    /// Starts <paramref name="count"/> instances on <paramref name="connectionString"/>'s database (training off: they
    /// only serve) and the proxy in front of them; waits until every instance answers.
    /// </summary>
    public static async Task<WorkbenchCluster> StartAsync(int count, string connectionString)
    {
        var web = WebDll();
        var instances = new List<Process>();
        var addresses = new List<Uri>();
        for (int i = 0; i < count; i++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = BenchPaths.WebProject(), UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(web);
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Storage__Provider"] = "postgres";
            start.Environment["Storage__ConnectionString"] = connectionString;
            start.Environment["Training__Worker"] = "false";
            start.Environment["Device"] = "cpu";
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine($"[instance {port}] {line}"); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            instances.Add(process);
            addresses.Add(new Uri($"http://127.0.0.1:{port}/"));
        }
        foreach (var address in addresses) await WaitUntilAnsweringAsync(address);

        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "workbench", ClusterId = "instances", Match = new RouteMatch { Path = "{**path}" } }],
            [new ClusterConfig
            {
                ClusterId = "instances",
                LoadBalancingPolicy = "RoundRobin",
                Destinations = addresses.Select((a, i) => (a, i)).ToDictionary(x => $"instance-{x.i}", x => new DestinationConfig { Address = x.a.ToString() }),
            }]);
        var proxy = builder.Build();
        proxy.MapReverseProxy();
        await proxy.StartAsync();
        return new WorkbenchCluster(instances, addresses, proxy);
    }

    /// <inheritdoc/>
    public async Task<(double Rss, long Tensors)> FootprintAsync()
    {
        double rss = 0;
        long tensors = 0;
        using var direct = new HttpClient();
        foreach (var address in _addresses)
        {
            var instance = await direct.GetFromJsonAsync<JsonElement>(new Uri(address, "api/instance?collect=true"));
            rss += instance.GetProperty("rss_mb").GetDouble();
            tensors += instance.GetProperty("live_tensors").GetInt64();
        }
        return (rss, tensors);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _proxy.StopAsync();
        await _proxy.DisposeAsync();
        foreach (var process in _instances)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    // The web app built beside this bench (the same configuration: Release when the bench runs with -c Release).
    private static string WebDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(BenchPaths.WebProject(), "bin", configuration, "net10.0", "LatentWorkbench.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The web app is not built at {dll}; build the solution ({configuration}) first.", dll);
    }

    private static async Task WaitUntilAnsweringAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                if ((await client.GetAsync("healthz")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The instance at {address} did not answer within 2 minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
