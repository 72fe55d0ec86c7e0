using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LatentWorkbench.Web.Bench;

/// <summary>
/// The load bench (<c>Web.Bench --load</c>): N clients send a mix of molecule and music interpolations, navigations,
/// encodes and library searches for a fixed time, each request with fresh inputs. Records every answer's status and
/// time, and the servers' memory and live tensors at minute 1 and at the end. The target is one app in this process
/// (<see cref="BenchApp"/>) or several app processes behind a proxy (<see cref="WorkbenchCluster"/>).
/// </summary>
public sealed class LoadRun(ILoadTarget app, IReadOnlyList<string> molecules, IReadOnlyList<string> clips)
{
    private readonly ConcurrentBag<(string Operation, int Status, double Milliseconds)> _answers = [];

    /// <summary>The operations and their share of the mix; music only where the app serves a music model.</summary>
    private IReadOnlyList<(string Name, double Share)> Mix => clips.Count >= 2
        ? [("molecule_interpolate", 0.35), ("music_interpolate", 0.15), ("navigate", 0.1), ("encode", 0.25), ("library_search", 0.15)]
        : [("molecule_interpolate", 0.45), ("navigate", 0.1), ("encode", 0.3), ("library_search", 0.15)];

    /// <summary>Runs <paramref name="clients"/> clients for <paramref name="duration"/>; the figures as JSON-ready values.</summary>
    public async Task<Dictionary<string, object>> RunAsync(int clients, TimeSpan duration, int seed = 11)
    {
        var clock = Stopwatch.StartNew();
        var deadline = duration;
        (double Rss, long Tensors)? minuteOne = null, lastSeconds = null;
        // Under load at minute 1 and again a few seconds before the end (requests in flight hold tensors of their own,
        // so these two compare like with like), then once more after the clients stop.
        var sampler = Task.Run(async () =>
        {
            var at = TimeSpan.FromMinutes(1) < duration ? TimeSpan.FromMinutes(1) : duration / 2;
            await Task.Delay(at);
            minuteOne = await app.FootprintAsync();
            var late = duration - TimeSpan.FromSeconds(5) - clock.Elapsed;
            if (late <= TimeSpan.Zero) return;
            await Task.Delay(late);
            lastSeconds = await app.FootprintAsync();
        });
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + c);
            while (clock.Elapsed < deadline) await OneAsync(random);
        })).ToArray();
        await Task.WhenAll(workers);
        await sampler;
        var seconds = clock.Elapsed.TotalSeconds;
        var end = await app.FootprintAsync();
        var answers = _answers.ToList();
        var perOperation = answers.GroupBy(a => a.Operation).OrderBy(g => g.Key).ToDictionary(g => g.Key, g =>
        {
            var ok = g.Where(a => a.Status == 200).Select(a => a.Milliseconds).Order().ToList();
            return (object)new Dictionary<string, double>
            {
                ["requests"] = g.Count(),
                ["ok_per_s"] = Math.Round(ok.Count / seconds, 2),
                ["p50_ms"] = Math.Round(Timing.Percentile(ok, 0.5), 1),
                ["p95_ms"] = Math.Round(Timing.Percentile(ok, 0.95), 1),
                ["p99_ms"] = Math.Round(Timing.Percentile(ok, 0.99), 1),
            };
        });
        return new Dictionary<string, object>
        {
            ["clients"] = clients,
            ["seconds"] = Math.Round(seconds, 1),
            ["requests"] = answers.Count,
            ["ok_per_s"] = Math.Round(answers.Count(a => a.Status == 200) / seconds, 2),
            ["operations"] = perOperation,
            ["status_counts"] = answers.GroupBy(a => a.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Count()),
            ["errors_500_or_above"] = answers.Count(a => a.Status >= 500 && a.Status != 503),
            ["rss_mb_minute_1"] = Math.Round(minuteOne?.Rss ?? double.NaN, 1),
            ["rss_mb_end_under_load"] = Math.Round(lastSeconds?.Rss ?? double.NaN, 1),
            ["rss_mb_end"] = Math.Round(end.Rss, 1),
            ["live_tensors_minute_1"] = minuteOne?.Tensors ?? -1,
            ["live_tensors_end_under_load"] = lastSeconds?.Tensors ?? -1,
            ["live_tensors_end"] = end.Tensors,
        };
    }

    /// <summary>
    /// Molecule interpolations per second that answered 200, from <paramref name="clients"/> clients sending nothing
    /// else: the single-client baseline, and the interpolation-only load the baseline compares with.
    /// </summary>
    public async Task<double> MoleculeInterpolationsPerSecondAsync(TimeSpan duration, int clients = 1, int seed = 5)
    {
        var clock = Stopwatch.StartNew();
        int ok = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(seed * 1000 + c);
            while (clock.Elapsed < duration)
            {
                if (await SendAsync("molecule_interpolate", "api/domains/molecules/interpolate", MoleculePair(random)) == 200) Interlocked.Increment(ref ok);
            }
        })));
        return ok / clock.Elapsed.TotalSeconds;
    }

    private object MoleculePair(Random random) => new { from = Pick(molecules, random), to = Pick(molecules, random), steps = 10 };

    private async Task OneAsync(Random random)
    {
        var roll = random.NextDouble() * Mix.Sum(m => m.Share);
        var operation = Mix.First(m => (roll -= m.Share) < 0 || m == Mix[^1]).Name;
        _ = operation switch
        {
            "molecule_interpolate" => await SendAsync(operation, "api/domains/molecules/interpolate", MoleculePair(random)),
            "music_interpolate" => await SendAsync(operation, "api/domains/music/interpolate", new { from = Pick(clips, random), to = Pick(clips, random), steps = 8 }),
            "navigate" => await SendAsync(operation, "api/domains/molecules/navigate", new { from = Pick(molecules, random), objective = "qed:max", min_similarity = 0.4, steps = 10, samples_per_step = 2 }),
            "encode" => await SendAsync(operation, "api/domains/molecules/encode", new { items = Enumerable.Range(0, 4).Select(_ => Pick(molecules, random)).ToArray() }),
            _ => await GetAsync(operation, $"api/library/molecules?q={Uri.EscapeDataString(random.Next(3) switch { 0 => "load", 1 => "m1", _ => "c" })}"),
        };
    }

    private Task<int> SendAsync(string operation, string path, object body) => TimeAsync(operation, () => app.Http.PostAsJsonAsync(path, body));

    private Task<int> GetAsync(string operation, string path) => TimeAsync(operation, () => app.Http.GetAsync(path));

    /// <summary>Sends one request and keeps its status (599 when no answer came at all) and time.</summary>
    private async Task<int> TimeAsync(string operation, Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        int status;
        try
        {
            using var response = await send();
            await response.Content.ReadAsByteArrayAsync();
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            status = 599;
        }
        _answers.Add((operation, status, watch.Elapsed.TotalMilliseconds));
        return status;
    }

    private static string Pick(IReadOnlyList<string> items, Random random) => items[random.Next(items.Count)];

    /// <summary>Writes <paramref name="figures"/> as one JSON line.</summary>
    public static string ToJson(Dictionary<string, object> figures) =>
        JsonSerializer.Serialize(figures, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
}

/// <summary>What the load bench drives: a client for the app (or its proxy), and the servers' footprint.</summary>
public interface ILoadTarget
{
    /// <summary>A client of the app; callers run many requests at once.</summary>
    HttpClient Http { get; }

    /// <summary>Resident memory in MB and live TorchSharp tensors, summed over the target's server processes.</summary>
    Task<(double Rss, long Tensors)> FootprintAsync();
}
