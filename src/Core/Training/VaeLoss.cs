// The VAE objective: token cross-entropy + beta * KL with free bits (Kingma et al. 2016) + property and tag heads.
using LatentWorkbench.Core.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LatentWorkbench.Core.Training;

/// <summary>Loss terms of one batch; tensors are scalars in the caller's dispose scope.</summary>
internal sealed record VaeLossTerms(Tensor Total, Tensor Reconstruction, Tensor Kl, Tensor CorrectTokens, Tensor TargetTokens);

internal static class VaeLoss
{
    /// <summary>Per-item mean of each term for <paramref name="output"/> against <paramref name="batch"/>.</summary>
    public static VaeLossTerms Compute(VaeOutput output, TrainingBatch batch, TrainingSettings s, double klWeight)
    {
        var vocab = output.Logits.shape[2];
        var reconstruction = functional.cross_entropy(output.Logits.reshape(-1, vocab), batch.Target.reshape(-1),
            ignore_index: 0, reduction: Reduction.Sum) / batch.Size;
        var klPerItemDim = -0.5 * (1 + output.LogVar - output.Mu.square() - output.LogVar.exp()); // (B, Z)
        var klPerDim = klPerItemDim.mean([0]);                                                   // (Z)
        var kl = klPerDim.sum();
        var klPenalty = s.FreeBitsPerDim > 0 ? klPerDim.clamp_min(s.FreeBitsPerDim).sum() : kl;
        var total = reconstruction + klWeight * klPenalty;
        if (output.Properties is { } predicted && batch.Targets is { } targets)
        {
            var known = targets.isnan().logical_not();
            var error = (predicted - targets.nan_to_num()).square() * known;
            total += s.PropertyWeight * error.sum() / known.sum().clamp_min(1);
        }
        if (output.TagLogits is { } tagLogits && batch.Tags is { } tags && s.TagWeight > 0)
        {
            var tagged = tags.ge(0).sum().item<long>();
            if (tagged > 0) total += s.TagWeight * functional.cross_entropy(tagLogits, tags, ignore_index: -1);
        }
        var mask = batch.Target.ne(0);
        var correct = output.Logits.argmax(-1).eq(batch.Target).logical_and(mask).sum();
        return new VaeLossTerms(total, reconstruction, kl, correct, mask.sum());
    }
}
