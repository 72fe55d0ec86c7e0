using System.Diagnostics;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Bench;

/// <summary>Timing helpers: median wall-clock seconds of repeated runs, and the float32 GEMM ceiling.</summary>
internal static class Measure
{
    public static double Seconds(Action action, int warmup, int runs)
    {
        for (int i = 0; i < warmup; i++) action();
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    /// <summary>Median GFLOP/s of a 2048^3 float32 matrix product through the same libtorch.</summary>
    public static double GemmGflops()
    {
        using var scope = NewDisposeScope();
        var a = randn(2048, 2048);
        var b = randn(2048, 2048);
        var seconds = Seconds(() => { using var c = a.matmul(b); }, warmup: 2, runs: 7);
        return 2.0 * 2048 * 2048 * 2048 / seconds / 1e9;
    }
}
