using static TorchSharp.torch;

namespace LatentWorkbench.Core.Latent.Decoding;

/// <summary>
/// The decoder state of each hypothesis: the GRU state h (B, H); for the event decoder also the sum of C over the
/// current event's tokens (B, H) and the summed token-table rows of its tokens (B, 3H), both null for the flat decoder.
/// </summary>
internal sealed record DecoderState(Tensor H, Tensor? Chain, Tensor? Input) : IDisposable
{
    /// <summary>The state of the rows in <paramref name="index"/> (new tensors).</summary>
    public DecoderState Select(Tensor index) => new(H.index_select(0, index), Chain?.index_select(0, index), Input?.index_select(0, index));

    /// <summary>Hands the tensors to the enclosing dispose scope.</summary>
    public DecoderState MoveToOuterDisposeScope()
    {
        H.MoveToOuterDisposeScope();
        Chain?.MoveToOuterDisposeScope();
        Input?.MoveToOuterDisposeScope();
        return this;
    }

    public void Dispose()
    {
        H.Dispose();
        Chain?.Dispose();
        Input?.Dispose();
    }
}
