using System.Diagnostics;
using System.Numerics;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Bench;

/// <summary>Timing helpers: median wall-clock seconds of repeated runs, the float32 GEMM ceiling, and the matrix-vector ceiling of one decoding step.</summary>
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

    /// <summary>
    /// Median seconds of the matrix-vector products one single-sequence decoding step of a GRU with <paramref name="hidden"/>
    /// units and <paramref name="vocabulary"/> outputs needs (the 3H x H hidden projection and the V x H output layer),
    /// as a tight SIMD loop over float32 weights in memory: the ceiling such a step can approach on this host, so that a
    /// slower host is told apart from a slower code path.
    /// </summary>
    public static double GemvStepSeconds(int hidden, int vocabulary)
    {
        var rows = 3 * hidden + vocabulary;
        var random = new Random(3);
        var weights = new float[rows * hidden];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(random.NextDouble() - 0.5);
        var x = new float[hidden];
        for (int i = 0; i < x.Length; i++) x[i] = (float)(random.NextDouble() - 0.5);
        var y = new float[rows];
        const int Repeats = 200;
        void Steps()
        {
            for (int k = 0; k < Repeats; k++)
            {
                for (int r = 0; r < rows; r++) y[r] = Dot(weights.AsSpan(r * hidden, hidden), x);
                x[k % hidden] += y[k % rows] * 1e-9f; // keeps the loop from being hoisted
            }
        }
        return Seconds(Steps, warmup: 3, runs: 9) / Repeats;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count) sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
