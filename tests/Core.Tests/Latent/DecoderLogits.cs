using LatentWorkbench.Core.Latent;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Tests.Latent;

/// <summary>What the decoder-step tests compare against: libtorch's teacher-forced logits, the exported step weights, prior draws.</summary>
internal static class DecoderLogits
{
    /// <summary>A draw from N(0, I) of <paramref name="size"/> dimensions.</summary>
    public static float[] Gaussian(Random random, int size) =>
        Enumerable.Range(0, size).Select(_ => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();

    /// <summary>The weights the step decoders run on, as the model exports them.</summary>
    public static Models.DecoderWeights ExportDecoderWeights(LatentModel model)
    {
        using var _ = no_grad();
        return model.Network.ExportDecoderWeights();
    }

    /// <summary>Teacher-forced logits [case][position][token] of one padded batch of decoder inputs ([bos, prefix...]).</summary>
    public static float[][][] TeacherForced(LatentModel model, float[][] z, int[][] inputs)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        int length = inputs.Max(i => i.Length);
        var ids = new long[inputs.Length * length]; // padded with 0
        for (int i = 0; i < inputs.Length; i++) for (int t = 0; t < inputs[i].Length; t++) ids[i * length + t] = inputs[i][t];
        var logits = model.Network.DecodeTeacherForced(model.Rows(z), tensor(ids, [inputs.Length, length]));
        return Split(logits, inputs.Select(i => i.Length).ToArray());
    }

    /// <summary>Logits (B, T, V) as [case][position][token], each case cut to its own length.</summary>
    public static float[][][] Split(Tensor logits, int[] lengths)
    {
        int length = (int)logits.shape[1], vocabulary = (int)logits.shape[2];
        var flat = logits.contiguous().data<float>().ToArray();
        return lengths.Select((n, i) => Enumerable.Range(0, n)
            .Select(t => flat.AsSpan((i * length + t) * vocabulary, vocabulary).ToArray()).ToArray()).ToArray();
    }
}
