using static TorchSharp.torch;

namespace LatentWorkbench.Core.Training;

/// <summary>
/// A padded batch as tensors. encoder (B, L) item tokens; decoder input (B, L+1) = [bos, tokens] with word
/// dropout; target (B, L+1) = [tokens, eos]; padding is id 0 everywhere (ignored by the loss).
/// </summary>
internal sealed record TrainingBatch(Tensor Encoder, Tensor? Lengths, Tensor DecoderInput, Tensor Target,
    Tensor? Targets, Tensor? Tags, int Size, long TokenCount)
{
    /// <summary>
    /// Builds the batch for <paramref name="items"/>; word dropout replaces inputs with unknown at <paramref name="wordDropout"/>,
    /// except tokens marked in <paramref name="kept"/> (an event decoder's event-ending tokens, which carry its structure).
    /// </summary>
    public static TrainingBatch Build(IReadOnlyList<EncodedItem> items, int propertyCount, bool withTags,
        double wordDropout, Random random, Device device, int bos = 1, int eos = 2, int unknown = 3, bool[]? kept = null)
    {
        int b = items.Count, len = items.Max(i => i.Tokens.Length);
        var enc = new long[b * len];
        var dec = new long[b * (len + 1)];
        var tgt = new long[b * (len + 1)];
        var lengths = new long[b];
        long tokens = 0;
        bool ragged = false;
        for (int i = 0; i < b; i++)
        {
            var t = items[i].Tokens;
            lengths[i] = t.Length;
            ragged |= t.Length != len;
            tokens += t.Length + 1;
            dec[i * (len + 1)] = bos;
            for (int j = 0; j < t.Length; j++)
            {
                enc[i * len + j] = t[j];
                tgt[i * (len + 1) + j] = t[j];
                var drop = wordDropout > 0 && random.NextDouble() < wordDropout && kept?[t[j]] != true;
                dec[i * (len + 1) + j + 1] = drop ? unknown : t[j];
            }
            tgt[i * (len + 1) + t.Length] = eos;
        }
        Tensor? targets = null, tags = null;
        if (propertyCount > 0)
        {
            var values = new float[b * propertyCount];
            for (int i = 0; i < b; i++) items[i].Targets.AsSpan(0, propertyCount).CopyTo(values.AsSpan(i * propertyCount));
            targets = tensor(values, [b, propertyCount], device: device);
        }
        if (withTags) tags = tensor(items.Select(i => (long)i.Tag).ToArray(), device: device);
        return new TrainingBatch(
            tensor(enc, [b, len], device: device),
            ragged ? tensor(lengths) : null, // lengths stay on the host, as packing requires
            tensor(dec, [b, len + 1], device: device),
            tensor(tgt, [b, len + 1], device: device),
            targets, tags, b, tokens);
    }
}
