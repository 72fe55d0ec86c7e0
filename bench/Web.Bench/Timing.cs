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
        return Summary(times);
    }

    /// <summary>The <paramref name="q"/> quantile of sorted milliseconds (nearest rank); NaN when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>"p50 X ms, p95 Y ms (n = N)" of unsorted milliseconds.</summary>
    public static string Summary(IEnumerable<double> milliseconds)
    {
        var times = milliseconds.Order().ToList();
        return $"p50 {Percentile(times, 0.5):0.0} ms, p95 {Percentile(times, 0.95):0.0} ms (n = {times.Count})";
    }
}
