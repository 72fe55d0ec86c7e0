using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Core.Workbench;

public sealed partial class DomainModel
{
    /// <summary>
    /// Steers an item toward an objective while staying similar to it: follows the property heads' gradient (or the
    /// attribute vectors for terms without a head), decodes the trajectory and its neighbourhood, and ranks the
    /// distinct valid items that meet the similarity constraint by their real (computed) properties.
    /// </summary>
    public NavigationResult Navigate(NavigationRequest request)
    {
        if (request.Objective.Count == 0) throw new ItemInputException("The objective is empty.");
        var known = Module.Properties.Definitions.Select(d => d.Key).Concat(Model.Manifest.Model.TagNames.Select(t => $"p_{t}")).ToHashSet();
        foreach (var term in request.Objective)
            if (!known.Contains(term.Property))
                throw new ItemInputException($"Unknown property '{term.Property}'; use one of: {string.Join(", ", known)}.");
        var startText = Canonicalize(request.Start);
        var start = Model.Encode([Codec.ToIds(startText)])[0].Mean;
        var trajectoryZ = Trajectory(start, request);
        var references = new Dictionary<string, string> { ["start"] = startText };
        var trajectory = Decode(trajectoryZ, null, references);
        Anchor(trajectory, null, references, 0);
        var random = new Random(request.Seed);
        var around = trajectoryZ.SelectMany(z => Enumerable.Range(0, request.SamplesPerStep)
            .Select(_ => Add(z, Gaussian(random, z.Length, request.SampleRadius)))).ToArray();
        var neighbourhood = Decode(around, null, references);
        // The user's item itself, with its own properties, at its posterior mean.
        var startPoint = Describe(startText, start, 0, Model.OodScores([start])[0], Model.PredictTags([start])[0], references);
        var candidates = trajectory.Concat(neighbourhood)
            .Where(p => p.Valid && p.Text != startText)
            .GroupBy(p => p.Text).Select(g => g.First())
            .Select(p => new ScoredCandidate(p, Score(p, request.Objective), p.Similarities.GetValueOrDefault("start")))
            .Where(c => c.Similarity >= request.MinSimilarity && !double.IsNaN(c.Score) && (request.Accept?.Invoke(c.Point) ?? true))
            .OrderByDescending(c => c.Score).ToArray();
        var objective = string.Join(",", request.Objective.Select(t => $"{t.Property}:{(t.Kind == ObjectiveKind.Target ? t.Target.ToString(System.Globalization.CultureInfo.InvariantCulture) : t.Kind == ObjectiveKind.Maximize ? "max" : "min")}@{t.Weight}"));
        return new NavigationResult(startPoint, candidates.FirstOrDefault()?.Point, candidates, trajectory, objective);
    }

    /// <summary>Weighted objective of a point's computed properties (NaN when one is missing).</summary>
    public static double Score(LatentPoint point, IReadOnlyList<ObjectiveTerm> terms) =>
        terms.Sum(t => point.Properties.TryGetValue(t.Property, out var v) ? t.Weight * t.Score(v) : double.NaN);

    private float[][] Trajectory(float[] start, NavigationRequest request)
    {
        var settings = request.Ascent ?? new AscentSettings();
        var heads = Model.Manifest.Model.PropertyNames;
        if (request.Objective.All(t => heads.Contains(t.Property)))
            return PropertyAscent.Climb(Model, start, request.Objective, settings);
        var direction = new float[start.Length];
        foreach (var term in request.Objective)
        {
            if (!Model.Manifest.AttributeVectors.TryGetValue(term.Property, out var vector))
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
