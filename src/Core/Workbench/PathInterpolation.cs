using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Core.Workbench;

/// <summary>The decoded path between two items (Bowman et al. 2016; slerp after White 2016).</summary>
public sealed class PathInterpolation(DomainModel model)
{
    /// <summary>Most points on a path (the fewest is 2, its ends).</summary>
    public const int MaxSteps = 200;

    private const int MinSteps = 2;

    /// <summary>
    /// Path from one item to another in <paramref name="steps"/> points, both ends included. With
    /// <paramref name="smooth"/>, inner points may take a likelier-but-one decode of their own latent point where that
    /// keeps the path from doubling back (<see cref="SmoothPath"/>); it costs a beam search per inner point. The ends are
    /// decoded encoder-consistently (<see cref="DecodeStrategy.Consistent"/>) whatever <paramref name="options"/> say,
    /// so a path starts and ends at the user's items whenever the model can produce them.
    /// </summary>
    public IReadOnlyList<LatentPoint> Run(string from, string to, int steps, InterpolationMethod method = InterpolationMethod.Slerp,
        DecodeOptions? options = null, bool smooth = false)
    {
        if (steps is < MinSteps or > MaxSteps) throw new ItemInputException($"Steps must be between {MinSteps} and {MaxSteps} (got {steps}).");
        var a = model.Canonicalize(from);
        var b = model.Canonicalize(to);
        var codes = model.Model.Encode([model.Codec.ToIds(a), model.Codec.ToIds(b)]);
        var path = Interpolation.Path(codes[0].Mean, codes[1].Mean, steps, method);
        var positions = Enumerable.Range(0, steps).Select(i => (double)i / (steps - 1)).ToArray();
        ItemReference[] references = [new(ReferenceRole.From, a), new(ReferenceRole.To, b)];
        var points = model.Points.Decode(path, options, references, positions);
        model.Points.Anchor(points, options, references, (0, references[0]), (steps - 1, references[1]));
        return smooth ? new SmoothPath(model).Choose(points, references) : points;
    }
}
