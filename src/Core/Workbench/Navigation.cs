using System.Globalization;
using LatentWorkbench.Core.Latent;
using static LatentWorkbench.Core.Workbench.LatentVectors;

namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// Property-guided navigation (Gómez-Bombarelli et al. 2018): steers an item toward an objective while staying similar
/// to it, and ranks the distinct valid items found by their real (computed) properties.
/// </summary>
public sealed class Navigation(DomainModel model)
{
    private static readonly string Start = ItemReference.NameOf(ReferenceRole.Start);

    /// <summary>
    /// Follows the property heads' gradient (or the attribute vectors for terms without a head), decodes the
    /// trajectory and its neighbourhood, and ranks the distinct valid items that meet the similarity constraint.
    /// </summary>
    public NavigationResult Run(NavigationRequest request)
    {
        if (request.Objective.Count == 0) throw new ItemInputException("The objective is empty.");
        var known = model.Module.Properties.Definitions.Select(d => d.Key).Concat(model.Model.Manifest.Model.TagNames.Select(t => $"p_{t}")).ToHashSet();
        foreach (var term in request.Objective)
            if (!known.Contains(term.Property))
                throw new ItemInputException($"Unknown property '{term.Property}'; use one of: {string.Join(", ", known)}.");
        var startText = model.Canonicalize(request.Start);
        var start = model.Model.Encode([model.Codec.ToIds(startText)])[0].Mean;
        var trajectoryZ = Trajectory(start, request);
        ItemReference[] references = [new(ReferenceRole.Start, startText)];
        var trajectory = model.Points.Decode(trajectoryZ, null, references);
        model.Points.Anchor(trajectory, null, references, (0, references[0]));
        var random = new Random(request.Seed);
        var around = trajectoryZ.SelectMany(z => Enumerable.Range(0, request.SamplesPerStep)
            .Select(_ => Add(z, Gaussian(random, z.Length, request.SampleRadius)))).ToArray();
        var neighbourhood = model.Points.Decode(around, null, references);
        // The user's item itself, with its own properties, at its posterior mean.
        var startPoint = model.Points.Describe(startText, start, 0, references);
        var candidates = trajectory.Concat(neighbourhood)
            .Where(p => p.Valid && p.Text != startText)
            .GroupBy(p => p.Text).Select(g => g.First())
            .Select(p => new ScoredCandidate(p, Score(p, request.Objective), p.Similarities.GetValueOrDefault(Start)))
            .Where(c => c.Similarity >= request.MinSimilarity && !double.IsNaN(c.Score) && (request.Accept?.Invoke(c.Point) ?? true))
            .OrderByDescending(c => c.Score).ToArray();
        return new NavigationResult(startPoint, candidates.FirstOrDefault()?.Point, candidates, trajectory, Describe(request.Objective));
    }

    /// <summary>Weighted objective of a point's computed properties (NaN when one is missing).</summary>
    private static double Score(LatentPoint point, IReadOnlyList<ObjectiveTerm> terms) =>
        terms.Sum(t => point.Properties.TryGetValue(t.Property, out var v) ? t.Weight * t.Score(v) : double.NaN);

    /// <summary>The objective as text, e.g. <c>qed:max@1</c>.</summary>
    private static string Describe(IReadOnlyList<ObjectiveTerm> terms) => string.Join(",", terms.Select(t =>
        $"{t.Property}:{(t.Kind == ObjectiveKind.Target ? t.Target.ToString(CultureInfo.InvariantCulture) : t.Kind == ObjectiveKind.Maximize ? "max" : "min")}@{t.Weight}"));

    private float[][] Trajectory(float[] start, NavigationRequest request)
    {
        var settings = request.Ascent ?? new AscentSettings();
        var manifest = model.Model.Manifest;
        if (request.Objective.All(t => manifest.Model.PropertyNames.Contains(t.Property)))
            return PropertyAscent.Climb(model.Model, start, request.Objective, settings);
        var direction = new float[start.Length];
        foreach (var term in request.Objective)
        {
            if (!manifest.AttributeVectors.TryGetValue(term.Property, out var vector))
                throw new ItemInputException($"'{term.Property}' has neither a property head nor an attribute vector in this model.");
            var sign = term.Kind == ObjectiveKind.Minimize ? -1 : 1;
            for (int i = 0; i < direction.Length; i++) direction[i] += (float)(sign * term.Weight * vector[i]);
        }
        var norm = Math.Sqrt(direction.Sum(v => (double)v * v));
        if (norm < 1e-9) return [start];
        return Enumerable.Range(0, settings.Steps + 1)
            .Select(k => Add(start, Scale(direction, settings.StepSize * k / norm))).ToArray();
    }
}
