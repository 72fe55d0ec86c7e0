// One decoding position for a batch of hypotheses with libtorch, for the flat decoder (a GRU step per token) and the
// event decoder (a GRU step per event, chained field heads inside it; see Models/EventHead.cs).
using LatentWorkbench.Core.Models;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Latent.Decoding;

/// <summary>Batched decoder steps over <see cref="DecoderWeights"/>: the token and latent input projections are precomputed, so a step is two matmuls.</summary>
internal sealed class DecoderCell(DecoderWeights w, Device device)
{
    private readonly int _hidden = (int)w.HiddenWeight.shape[0];

    /// <summary>Initial state from z (B, Z) and the latent input projection (B, 3H).</summary>
    public (DecoderState State, Tensor ZProj) Start(float[][] z)
    {
        var flat = new float[z.Length * z[0].Length];
        for (int i = 0; i < z.Length; i++) z[i].CopyTo(flat, i * z[0].Length);
        var zt = tensor(flat, [z.Length, z[0].Length], device: device).to(w.InitWeight.dtype);
        var h = tanh(addmm(w.InitBias, zt, w.InitWeight, 1, 1)); // (B, H)
        var state = w.Chain is null ? new DecoderState(h, null, null)
            : new DecoderState(h, zeros(z.Length, _hidden, h.dtype, device), zeros(z.Length, 3 * _hidden, h.dtype, device));
        return (state, zt.matmul(w.LatentWeight));
    }

    /// <summary>
    /// One position: the previous tokens (B; <paramref name="previousIds"/> holds the same ids on the host), the state
    /// before them and the latent projection (B, 3H) give the logits (B, V) of the next tokens and the new state.
    /// </summary>
    public (Tensor Logits, DecoderState State) Step(long[] previousIds, Tensor previous, DecoderState state, Tensor zProj)
    {
        var rows = w.TokenTable.index_select(0, previous); // (B, 3H)
        if (w.Chain is null)
        {
            var h = Gru(rows.add_(zProj), state.H);
            return (addmm(w.OutputBias, h, w.OutputWeight, 1, 1), new DecoderState(h, null, null));
        }
        var starts = w.StartsEvent!;
        var input = state.Input!.add(rows); // (B, 3H) the event's tokens so far, this one included
        var chain = state.Chain!.add(w.Chain.index_select(0, previous)); // (B, H)
        var hNext = state.H.alias();
        if (previousIds.Any(id => starts[id]))
        {
            // Rows whose previous token ended an event: the GRU advances once on the event's summed input.
            var ended = tensor(previousIds.Select(id => starts[id]).ToArray(), device: device).unsqueeze(1); // (B, 1)
            var advanced = Gru(input.add(w.InputBias!).add_(zProj), state.H);
            hNext = where(ended, advanced, state.H);
            input = input.masked_fill(ended, 0);
            chain = chain.masked_fill(ended, 0);
        }
        var logits = addmm(w.OutputBias, tanh(hNext.add(chain)), w.OutputWeight, 1, 1); // (B, V)
        return (logits, new DecoderState(hNext, chain, input));
    }

    /// <summary>GRU cell: input projection gi (B, 3H) with its biases and z part, state h (B, H) -> new state (B, H).</summary>
    private Tensor Gru(Tensor gi, Tensor h)
    {
        var gh = addmm(w.HiddenBias, h, w.HiddenWeight, 1, 1); // (B, 3H)
        var rz = gi.narrow(1, 0, 2 * _hidden).add_(gh.narrow(1, 0, 2 * _hidden)).sigmoid_();
        var n = gh.narrow(1, 2 * _hidden, _hidden).mul_(rz.narrow(1, 0, _hidden))
            .add_(gi.narrow(1, 2 * _hidden, _hidden)).tanh_();
        return lerp(n, h, rz.narrow(1, _hidden, _hidden)); // n + u * (h - n)
    }
}
