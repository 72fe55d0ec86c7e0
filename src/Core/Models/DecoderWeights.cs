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
    Tensor TokenTable,    // (V, 3H): embedding @ W_ih[:, :E]^T + b_ih
    Tensor LatentWeight,  // (Z, 3H): W_ih[:, E:]^T
    Tensor HiddenWeight,  // (H, 3H): W_hh^T
    Tensor HiddenBias,    // (3H)
    Tensor OutputWeight,  // (H, V)
    Tensor OutputBias)    // (V)
    : IDisposable
{
    public void Dispose()
    {
        foreach (var t in new[] { InitWeight, InitBias, TokenTable, LatentWeight, HiddenWeight, HiddenBias, OutputWeight, OutputBias }) t.Dispose();
    }
}
