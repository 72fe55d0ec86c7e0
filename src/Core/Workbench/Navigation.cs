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
    public NavigationResult Run(NavigationRequest request) => RunMany([request])[0].ResultOrThrow();

    /// <summary>
    /// Several navigations at once, as <see cref="Run"/> gives each, with their tensor work shared: every start is
    /// encoded in one batch, every trajectory decoded in one batch (its repairs and every start's anchoring in one search),
    /// and every neighbourhood decoded in one batch. A request with a bad item or objective fails alone.
    /// </summary>
    public IReadOnlyList<RequestOutcome<NavigationResult>> RunMany(IReadOnlyList<NavigationRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var outcomes = new RequestOutcome<NavigationResult>?[requests.Count];
        var starts = new string[requests.Count];
        var ids = new int[requests.Count][];
        var live = new List<int>();
        for (int r = 0; r < requests.Count; r++)
        {
            try
            {
                CheckObjective(requests[r]);
                starts[r] = model.Canonicalize(requests[r].Start);
                ids[r] = model.Codec.ToIds(starts[r]);
                live.Add(r);
            }
            catch (Exception e) when (ItemInputException.IsItemError(e))
            {
                outcomes[r] = new RequestOutcome<NavigationResult>(null, e);
            }
        }
        var codes = model.Model.Encode(live.Select(r => ids[r]).ToArray());
        var means = new Dictionary<int, float[]>();
        var trajectories = new Dictionary<int, float[][]>();
        for (int k = 0; k < live.Count; k++)
        {
            var r = live[k];
            try
            {
                means[r] = codes[k].Mean;
                trajectories[r] = Trajectory(codes[k].Mean, requests[r]);
            }
            catch (ItemInputException e)
            {
                outcomes[r] = new RequestOutcome<NavigationResult>(null, e);
            }
        }
        live = live.Where(trajectories.ContainsKey).ToList();
        var references = live.ToDictionary(r => r, r => (IReadOnlyList<ItemReference>)[new ItemReference(ReferenceRole.Start, starts[r])]);

        // Every trajectory as rows of one decode, each start (its first row) anchored in the same search as the repairs.
        var owners = live.SelectMany(r => Enumerable.Repeat(r, trajectories[r].Length)).ToArray();
        var firsts = RowBlocks.Starts(live, r => trajectories[r].Length);
        var decoded = model.Points.DecodeEach(live.SelectMany(r => trajectories[r]).ToArray(), null, i => references[owners[i]],
            live.SelectMany(r => Enumerable.Range(0, trajectories[r].Length).Select(i => (double)i)).ToArray(),
            live.Select((r, k) => (firsts[k], references[r][0])).ToArray());
        var trajectoryPoints = RowBlocks.Split(live, decoded, r => trajectories[r].Length);

        // Every neighbourhood (seeded per request, as one request alone would draw it) as rows of one more decode.
        var around = live.ToDictionary(r => r, r =>
        {
            var random = new Random(requests[r].Seed);
            return trajectories[r].SelectMany(z => Enumerable.Range(0, requests[r].SamplesPerStep)
                .Select(_ => Add(z, Gaussian(random, z.Length, requests[r].SampleRadius)))).ToArray();
        });
        var aroundOwners = live.SelectMany(r => Enumerable.Repeat(r, around[r].Length)).ToArray();
        var neighbours = RowBlocks.Split(live, model.Points.DecodeEach(live.SelectMany(r => around[r]).ToArray(), null, i => references[aroundOwners[i]],
            live.SelectMany(r => Enumerable.Range(0, around[r].Length).Select(i => (double)i)).ToArray()), r => around[r].Length);

        foreach (var r in live)
        {
            var request = requests[r];
            // The user's item itself, with its own properties, at its posterior mean.
            var startPoint = model.Points.Describe(starts[r], means[r], 0, references[r]);
            var candidates = trajectoryPoints[r].Concat(neighbours[r])
                .Where(p => p.Valid && p.Text != starts[r])
                .GroupBy(p => p.Text).Select(g => g.First())
                .Select(p => new ScoredCandidate(p, Score(p, request.Objective), p.Similarities.GetValueOrDefault(Start)))
                .Where(c => c.Similarity >= request.MinSimilarity && !double.IsNaN(c.Score) && (request.Accept?.Invoke(c.Point) ?? true))
                .OrderByDescending(c => c.Score).ToArray();
            outcomes[r] = new RequestOutcome<NavigationResult>(
                new NavigationResult(startPoint, candidates.FirstOrDefault()?.Point, candidates, trajectoryPoints[r], Describe(request.Objective)), null);
        }
        return outcomes.Select(o => o!).ToArray();
    }

    private void CheckObjective(NavigationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Objective.Count == 0) throw new ItemInputException("The objective is empty.");
        var known = model.Module.Properties.Definitions.Select(d => d.Key).Concat(model.Model.Manifest.Model.TagNames.Select(t => $"p_{t}")).ToHashSet();
        foreach (var term in request.Objective)
            if (!known.Contains(term.Property))
                throw new ItemInputException($"Unknown property '{term.Property}'; use one of: {string.Join(", ", known)}.");
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
