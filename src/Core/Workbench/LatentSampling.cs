using LatentWorkbench.Core.Latent.Decoding;
using static LatentWorkbench.Core.Workbench.LatentVectors;

namespace LatentWorkbench.Core.Workbench;

/// <summary>Items decoded from random latent points: from the prior, or from a neighbourhood of one item.</summary>
public sealed class LatentSampling(DomainModel model)
{
    /// <summary>Most items one request may sample.</summary>
    public const int MaxCount = 100_000;

    /// <summary><paramref name="count"/> items decoded from prior samples z ~ N(0, I).</summary>
    public IReadOnlyList<LatentPoint> Prior(int count, int seed = 1, DecodeOptions? options = null)
    {
        CheckCount(count);
        var random = new Random(seed);
        var z = Enumerable.Range(0, count).Select(_ => Gaussian(random, model.Model.LatentSize, 1.0)).ToArray();
        return model.Points.Decode(z, options);
    }

    /// <summary>
    /// <paramref name="count"/> items decoded around <paramref name="text"/>'s posterior mean (z + radius * noise, with
    /// <paramref name="radius"/> in latent units), each compared with the item as its <see cref="ReferenceRole.Start"/>.
    /// </summary>
    public IReadOnlyList<LatentPoint> Around(string text, int count, double radius = 0.5, int seed = 1, DecodeOptions? options = null)
    {
        CheckCount(count);
        if (!double.IsFinite(radius) || radius is < 0 or > 10) throw new ItemInputException($"Radius must be between 0 and 10 latent units (got {radius}).");
        var start = model.Canonicalize(text);
        var mean = model.Model.Encode([model.Codec.ToIds(start)])[0].Mean;
        var random = new Random(seed);
        var z = Enumerable.Range(0, count).Select(_ => Add(mean, Gaussian(random, mean.Length, radius))).ToArray();
        return model.Points.Decode(z, options, [new ItemReference(ReferenceRole.Start, start)]);
    }

    private static void CheckCount(int count)
    {
        if (count is < 1 or > MaxCount) throw new ItemInputException($"Count must be between 1 and {MaxCount} (got {count}).");
    }
}
