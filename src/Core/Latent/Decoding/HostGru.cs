// Single-sequence GRU decoding on the host with SIMD: for one sequence on a CPU, the per-call overhead of ~15
// tensor ops per step costs more than the arithmetic, so the step runs in C# over weights copied once.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using LatentWorkbench.Core.Models;

namespace LatentWorkbench.Core.Latent.Decoding;

/// <summary>Host copy of <see cref="DecoderWeights"/> (matrices stored output-major so each output is one dot product) and a GRU step.</summary>
internal sealed class HostGru
{
    private readonly float[] _init, _initBias, _table, _latent, _hidden, _hiddenBias, _output, _outputBias;
    private readonly float[]? _chain, _inputBias; // event decoder only
    private readonly bool[]? _startsEvent;

    public HostGru(DecoderWeights w)
    {
        static float[] Copy(TorchSharp.torch.Tensor t, bool transpose = false)
        {
            using var host = (transpose ? t.detach().t() : t.detach()).cpu().to(TorchSharp.torch.ScalarType.Float32).contiguous();
            return host.data<float>().ToArray();
        }
        (_init, _initBias, _table, _latent) = (Copy(w.InitWeight, true), Copy(w.InitBias), Copy(w.TokenTable), Copy(w.LatentWeight, true));
        (_hidden, _hiddenBias, _output, _outputBias) = (Copy(w.HiddenWeight, true), Copy(w.HiddenBias), Copy(w.OutputWeight, true), Copy(w.OutputBias));
        Hidden = _initBias.Length;
        Vocabulary = _outputBias.Length;
        if (w.Chain is null || w.InputBias is null || w.StartsEvent is null) return;
        (_chain, _inputBias, _startsEvent) = (Copy(w.Chain), Copy(w.InputBias), w.StartsEvent);
    }

    /// <summary>Whether these are the event decoder's weights (decode with <see cref="EventStep"/>, not <see cref="Step"/>).</summary>
    public bool Events => _chain is not null;

    public int Hidden { get; }

    public int Vocabulary { get; }

    /// <summary>Initial state tanh(z W + b) and the latent input projection z W_z (3H).</summary>
    public (float[] H, float[] ZProjection) Start(float[] z)
    {
        var h = new float[Hidden];
        var zProj = new float[3 * Hidden];
        for (int i = 0; i < h.Length; i++) h[i] = MathF.Tanh(_initBias[i] + Dot(_init.AsSpan(i * z.Length, z.Length), z));
        for (int j = 0; j < zProj.Length; j++) zProj[j] = Dot(_latent.AsSpan(j * z.Length, z.Length), z);
        return (h, zProj);
    }

    /// <summary>One step of the flat decoder: updates <paramref name="h"/> in place and writes the logits.</summary>
    public void Step(int previous, float[] h, float[] zProj, float[] gh, float[] logits)
    {
        Advance(_table.AsSpan(previous * 3 * Hidden, 3 * Hidden), h, zProj, gh);
        Output(h, logits);
    }

    /// <summary>
    /// One position of the event decoder. <paramref name="chain"/> (H) and <paramref name="input"/> (3H) hold the sum of
    /// C and of the token-table rows over the current event's tokens (zero at the start); when <paramref name="previous"/>
    /// ends an event, the GRU advances once on the event's input and both sums restart. Writes the logits.
    /// </summary>
    public void EventStep(int previous, float[] h, float[] zProj, float[] chain, float[] input, float[] gh, float[] logits)
    {
        int n = Hidden;
        var row = _table.AsSpan(previous * 3 * n, 3 * n);
        for (int j = 0; j < 3 * n; j++) input[j] += row[j];
        if (_startsEvent![previous])
        {
            for (int j = 0; j < 3 * n; j++) input[j] += _inputBias![j];
            Advance(input, h, zProj, gh);
            Array.Clear(input);
            Array.Clear(chain);
        }
        else
        {
            var c = _chain.AsSpan(previous * n, n);
            for (int i = 0; i < n; i++) chain[i] += c[i];
        }
        var u = gh.AsSpan(0, n); // scratch once the GRU step is done
        for (int i = 0; i < n; i++) u[i] = MathF.Tanh(h[i] + chain[i]);
        Output(u, logits);
    }

    /// <summary>GRU cell on input projection <paramref name="gi"/> (3H, biases included): updates <paramref name="h"/> in place.</summary>
    private void Advance(ReadOnlySpan<float> gi, float[] h, float[] zProj, float[] gh)
    {
        int n = Hidden;
        for (int j = 0; j < 3 * n; j++) gh[j] = _hiddenBias[j] + Dot(_hidden.AsSpan(j * n, n), h);
        for (int i = 0; i < n; i++)
        {
            var r = Sigmoid(gi[i] + zProj[i] + gh[i]);
            var u = Sigmoid(gi[n + i] + zProj[n + i] + gh[n + i]);
            var candidate = MathF.Tanh(gi[2 * n + i] + zProj[2 * n + i] + r * gh[2 * n + i]);
            h[i] = candidate + u * (h[i] - candidate);
        }
    }

    private void Output(ReadOnlySpan<float> state, float[] logits)
    {
        for (int v = 0; v < Vocabulary; v++) logits[v] = _outputBias[v] + Dot(_output.AsSpan(v * Hidden, Hidden), state);
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>Dot product with four SIMD accumulators (512-bit where the CPU has AVX-512, then 256-bit, then scalar).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        float sum = 0;
        if (Vector512.IsHardwareAccelerated && a.Length >= 64)
        {
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (; i <= a.Length - 64; i += 64)
            {
                s0 = Vector512.FusedMultiplyAdd(Vector512.Create<float>(a.Slice(i, 16)), Vector512.Create<float>(b.Slice(i, 16)), s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.Create<float>(a.Slice(i + 16, 16)), Vector512.Create<float>(b.Slice(i + 16, 16)), s1);
                s2 = Vector512.FusedMultiplyAdd(Vector512.Create<float>(a.Slice(i + 32, 16)), Vector512.Create<float>(b.Slice(i + 32, 16)), s2);
                s3 = Vector512.FusedMultiplyAdd(Vector512.Create<float>(a.Slice(i + 48, 16)), Vector512.Create<float>(b.Slice(i + 48, 16)), s3);
            }
            sum = Vector512.Sum(s0 + s1 + s2 + s3);
        }
        if (Vector256.IsHardwareAccelerated && a.Length - i >= 32)
        {
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (; i <= a.Length - 32; i += 32)
            {
                s0 = Vector256.FusedMultiplyAdd(Vector256.Create<float>(a.Slice(i, 8)), Vector256.Create<float>(b.Slice(i, 8)), s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.Create<float>(a.Slice(i + 8, 8)), Vector256.Create<float>(b.Slice(i + 8, 8)), s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.Create<float>(a.Slice(i + 16, 8)), Vector256.Create<float>(b.Slice(i + 16, 8)), s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.Create<float>(a.Slice(i + 24, 8)), Vector256.Create<float>(b.Slice(i + 24, 8)), s3);
            }
            sum += Vector256.Sum(s0 + s1 + s2 + s3);
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
