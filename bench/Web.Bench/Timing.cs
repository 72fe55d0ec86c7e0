using System.Diagnostics;

namespace LatentWorkbench.Web.Bench;

/// <summary>Wall-clock timings of asynchronous calls, summarised as p50/p95 in milliseconds.</summary>
public static class Timing
{
    /// <summary>Milliseconds one call takes.</summary>
    public static async Task<double> Once(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        await call();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Runs <paramref name="call"/> <paramref name="rounds"/> times in sequence; "p50 X ms, p95 Y ms (n = N)".</summary>
    public static async Task<string> Repeat(int rounds, Func<Task> call)
    {
        var times = new List<double>();
        for (int i = 0; i < rounds; i++) times.Add(await Once(call));
        times.Sort();
        return $"p50 {Percentile(times, 0.5):0.0} ms, p95 {Percentile(times, 0.95):0.0} ms (n = {times.Count})";
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
