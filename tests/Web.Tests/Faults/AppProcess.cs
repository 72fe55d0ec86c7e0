using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LatentWorkbench.Tests;

namespace LatentWorkbench.Web.Tests.Faults;

/// <summary>
/// The workbench as a child process (the built <c>LatentWorkbench.Web.dll</c> under <c>src/Web/bin</c>) on a free
/// loopback port, so that a test can kill it with SIGKILL (<see cref="Process.Kill()"/> on Unix) and start it again
/// on the same database and folders.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>The built web app this test run's configuration produced.</summary>
    public static string WebDll { get; } = Built("Web", "LatentWorkbench.Web.dll");

    /// <summary>The build output <paramref name="assembly"/> of the project <c>src/<paramref name="project"/></c>, in this test run's configuration.</summary>
    public static string Built(string project, string assembly) => Path.Combine(Checkout.Root, "src", project, "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug",
        "net10.0", assembly);

    /// <summary>Why these tests cannot run here, or null.</summary>
    public static string? SkipReason => File.Exists(WebDll) ? null : $"the web app is not built at {WebDll} (build the solution first)";

    public Uri BaseAddress { get; }

    /// <summary>The process id (a training worker's name holds it: machine/pid/random).</summary>
    public int ProcessId => _process.Id;

    public HttpClient Client { get; }

    /// <summary>Starts the app with <paramref name="settings"/> (configuration keys, e.g. <c>Storage:Database</c>) and waits until it answers.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Checkout.Root, "src", "Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebDll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilAnsweringAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown code runs) and waits for it to be gone.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>The process's last output lines, for failure messages.</summary>
    public string Log => string.Join(Environment.NewLine, _log.TakeLast(40));

    /// <summary>Polls <paramref name="condition"/> until it holds, failing with the app's log after <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<Task<T?>> condition, TimeSpan timeout, string what) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition() is { } value) return value;
            if (_process.HasExited) break;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:0} s; the app's last lines:{Environment.NewLine}{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _log.Enqueue(line);
        while (_log.Count > 200) _log.TryDequeue(out _);
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout) => await WaitForAsync<object>(async () =>
    {
        try
        {
            return (await Client.GetAsync("healthz")).StatusCode == HttpStatusCode.OK ? new object() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }, timeout, "the app answering GET /healthz");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
