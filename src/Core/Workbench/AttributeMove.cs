using static LatentWorkbench.Core.Workbench.LatentVectors;

namespace LatentWorkbench.Core.Workbench;

/// <summary>Moves an item along one of the model's attribute vectors (MusicVAE's attribute arithmetic).</summary>
public sealed class AttributeMove(DomainModel model)
{
    /// <summary>
    /// <paramref name="steps"/> + 1 points from <paramref name="text"/>'s posterior mean to <paramref name="amount"/>
    /// times the <paramref name="attribute"/> vector; the first point is decoded encoder-consistently, as the ends of a
    /// path are.
    /// </summary>
    public IReadOnlyList<LatentPoint> Run(string text, string attribute, double amount, int steps = 4)
    {
        var vectors = model.Model.Manifest.AttributeVectors;
        if (!vectors.TryGetValue(attribute, out var vector))
            throw new ItemInputException($"This model has no attribute vector '{attribute}'; it has: {string.Join(", ", vectors.Keys)}.");
        if (steps is < 1 or > 100) throw new ItemInputException($"Steps must be between 1 and 100 (got {steps}).");
        var start = model.Canonicalize(text);
        var mean = model.Model.Encode([model.Codec.ToIds(start)])[0].Mean;
        var z = Enumerable.Range(0, steps + 1).Select(k => Add(mean, Scale(vector, amount * k / steps))).ToArray();
        ItemReference[] references = [new(ReferenceRole.Start, start)];
        var points = model.Points.Decode(z, null, references, Enumerable.Range(0, steps + 1).Select(k => (double)k / steps).ToArray());
        model.Points.Anchor(points, null, references, (0, references[0]));
        return points;
    }
}
