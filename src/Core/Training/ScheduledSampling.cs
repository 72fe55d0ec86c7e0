// Scheduled sampling (Bengio et al. 2015) in its two-pass form (Mihaylova & Martins 2019): a teacher-forced pass
// without gradients predicts every token; some decoder inputs are then replaced by those predictions, so that the
// trained pass sees the kind of prefix greedy decoding will feed it (MusicVAE trains this way).
using LatentWorkbench.Core.Models;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Training;

/// <summary>Mixes a network's own predictions into a batch's decoder inputs.</summary>
internal sealed class ScheduledSampling
{
    private readonly bool[] _replaceable;
    private readonly bool[]? _startsEvent;

    /// <param name="vocabulary">The model's tokens: special tokens are never fed back.</param>
    /// <param name="startsEvent">An event decoder's event-starting inputs (<see cref="SequenceVae.StartsEvent"/>), or null for the flat decoder.</param>
    public ScheduledSampling(Vocabulary vocabulary, bool[]? startsEvent)
    {
        var specials = vocabulary.Specials;
        _replaceable = Enumerable.Range(0, vocabulary.Count)
            .Select(id => id != specials.Pad && id != specials.Bos && id != specials.Eos && id != specials.Unknown).ToArray();
        _startsEvent = startsEvent;
    }

    /// <summary>
    /// <paramref name="decoderInput"/> (B, L+1) = [bos, tokens] with each token replaced, at <paramref name="rate"/>, by
    /// what <paramref name="logits"/> (B, L+1, V) of a teacher-forced pass predicted in its place. A replacement keeps the
    /// event structure (an event-ending input is replaced only by another, and any other input only by another), so the
    /// targets stay aligned; padding, the begin token, word dropout's unknowns and special predictions are never swapped.
    /// </summary>
    public Tensor Mix(Tensor decoderInput, Tensor logits, double rate)
    {
        if (rate <= 0) return decoderInput;
        var device = decoderInput.device;
        var predicted = logits.argmax(-1).narrow(1, 0, decoderInput.shape[1] - 1); // (B, L): the guess for input t + 1
        var inputs = decoderInput.narrow(1, 1, decoderInput.shape[1] - 1);        // (B, L)
        var replaceable = tensor(_replaceable, device: device);
        var take = rand(inputs.shape, device: device).lt(rate)
            .logical_and(replaceable.index_select(0, inputs.flatten()).view_as(inputs))
            .logical_and(replaceable.index_select(0, predicted.flatten()).view_as(predicted));
        if (_startsEvent is not null)
        {
            var starts = tensor(_startsEvent, device: device);
            take = take.logical_and(starts.index_select(0, predicted.flatten()).view_as(predicted)
                .eq(starts.index_select(0, inputs.flatten()).view_as(inputs)));
        }
        return cat([decoderInput.narrow(1, 0, 1), where(take, predicted, inputs)], 1);
    }
}
