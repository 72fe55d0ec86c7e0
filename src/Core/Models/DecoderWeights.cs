using static TorchSharp.torch;

namespace LatentWorkbench.Core.Models;

/// <summary>
/// The decoder GRU's weights rearranged for step-by-step decoding: the token part of the input projection is a
/// lookup table and the z part is applied once per sequence, so each step costs one hidden matmul and one output
/// matmul. Owned by one <see cref="Latent.Decoding.StepDecoder"/>; not part of a checkpoint.
/// </summary>
internal sealed record DecoderWeights(
    Tensor InitWeight,    // (Z, H): latent_to_hidden^T
    Tensor InitBias,      // (H)
    Tensor TokenTable,    // (V, 3H): embedding @ W_ih[:, :E]^T (+ b_ih in the flat decoder)
    Tensor LatentWeight,  // (Z, 3H): W_ih[:, E:]^T
    Tensor HiddenWeight,  // (H, 3H): W_hh^T
    Tensor HiddenBias,    // (3H)
    Tensor OutputWeight,  // (H, V)
    Tensor OutputBias)    // (V)
    : IDisposable
{
    /// <summary>Event decoder only: the chain table C (V, H) of <see cref="EventHead"/>; null for the flat decoder.</summary>
    public Tensor? Chain { get; init; }

    /// <summary>Event decoder only: b_ih (3H), added once per event to the summed token table rows.</summary>
    public Tensor? InputBias { get; init; }

    /// <summary>Event decoder only: per token id, whether as an input it starts an event (see <see cref="EventHead.StartsEvent"/>).</summary>
    public bool[]? StartsEvent { get; init; }

    public void Dispose()
    {
        foreach (var t in new[] { InitWeight, InitBias, TokenTable, LatentWeight, HiddenWeight, HiddenBias, OutputWeight, OutputBias }) t.Dispose();
        Chain?.Dispose();
        InputBias?.Dispose();
    }
}
