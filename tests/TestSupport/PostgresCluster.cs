using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LatentWorkbench.Tests;

/// <summary>
/// A private PostgreSQL cluster for the test run, made with Debian's <c>postgresql</c> binaries (installed by
/// <c>.ci/run</c>): <c>initdb</c> in a temporary folder, the server on a free loopback port, stopped and deleted when the
/// test process exits. No system service is used. As root (as in CI containers) the server runs as the
/// <c>postgres</c> user, since PostgreSQL refuses to run as root. Where the binaries are absent,
/// <see cref="Unavailable"/> says why and the PostgreSQL tests skip. Databases are made with the cluster's own
/// <c>createdb</c>, so the helper needs no client library.
/// </summary>
internal sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Shared = new(() => new PostgresCluster(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string? _bin;
    private readonly string _folder = "";
    private readonly int _port;

    /// <summary>The cluster of this test process, started on first use.</summary>
    public static PostgresCluster Instance => Shared.Value;

    /// <summary>Why no cluster could be started (binaries missing, start failed), or null when it runs.</summary>
    public string? Unavailable { get; }

    private PostgresCluster()
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            Unavailable = "PostgreSQL's binaries (initdb, pg_ctl) are not installed; .ci/run installs Debian's postgresql.";
            return;
        }
        _folder = Directory.CreateTempSubdirectory("latent-pg-").FullName;
        _port = FreePort();
        try
        {
            if (AsRoot) Run("chown", "-R", "postgres:postgres", _folder);
            RunAsServer(Path.Combine(_bin, "initdb"), "-D", Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-instructions");
            RunAsServer(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
                $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Unavailable = $"The private PostgreSQL cluster did not start: {e.Message}";
        }
    }

    private string Data => Path.Combine(_folder, "data");

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>A new, empty database on the cluster; returns its connection string.</summary>
    public string CreateDatabase()
    {
        if (Unavailable is not null) throw new InvalidOperationException(Unavailable);
        var name = $"latent_{Guid.NewGuid():N}";
        Run(Path.Combine(_bin!, "createdb"), "-h", "127.0.0.1", "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", name);
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=30";

    private void Stop()
    {
        try
        {
            RunAsServer(Path.Combine(_bin!, "pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the folder goes either way.
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void RunAsServer(string program, params string[] arguments)
    {
        if (AsRoot) Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else Run(program, arguments);
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} ran past 2 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}".Trim());
    }
}
