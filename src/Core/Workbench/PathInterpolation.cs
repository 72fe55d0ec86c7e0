using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Core.Workbench;

/// <summary>One path asked of <see cref="PathInterpolation.RunMany"/>, with the arguments of <see cref="PathInterpolation.Run"/>.</summary>
public sealed record PathRequest(string From, string To, int Steps, InterpolationMethod Method = InterpolationMethod.Slerp,
    DecodeOptions? Options = null, bool Smooth = false);

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
        DecodeOptions? options = null, bool smooth = false) =>
        RunMany([new PathRequest(from, to, steps, method, options, smooth)])[0].ResultOrThrow();

    /// <summary>
    /// Several paths at once, as <see cref="Run"/> gives each, with their tensor work shared: the ends of every path are
    /// encoded as one batch, the points of paths with the same decoding are decoded (and invalid ones repaired) as one
    /// batch, with every path's ends anchored in the same search as the repairs. A request whose items are bad fails alone.
    /// </summary>
    public IReadOnlyList<RequestOutcome<IReadOnlyList<LatentPoint>>> RunMany(IReadOnlyList<PathRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var outcomes = new RequestOutcome<IReadOnlyList<LatentPoint>>?[requests.Count];
        var ends = new (string From, string To)[requests.Count];
        var ids = new (int[] From, int[] To)[requests.Count];
        var live = new List<int>();
        for (int r = 0; r < requests.Count; r++)
        {
            try
            {
                var request = requests[r];
                if (request.Steps is < MinSteps or > MaxSteps) throw new ItemInputException($"Steps must be between {MinSteps} and {MaxSteps} (got {request.Steps}).");
                ends[r] = (model.Canonicalize(request.From), model.Canonicalize(request.To));
                ids[r] = (model.Codec.ToIds(ends[r].From), model.Codec.ToIds(ends[r].To));
                live.Add(r);
            }
            catch (Exception e) when (ItemInputException.IsItemError(e))
            {
                outcomes[r] = new RequestOutcome<IReadOnlyList<LatentPoint>>(null, e);
            }
        }
        var codes = model.Model.Encode(live.SelectMany(r => new[] { ids[r].From, ids[r].To }).ToArray());
        var paths = new Dictionary<int, (float[][] Z, double[] Positions, ItemReference[] References)>();
        for (int k = 0; k < live.Count; k++)
        {
            var (r, steps) = (live[k], requests[live[k]].Steps);
            paths[r] = (Interpolation.Path(codes[2 * k].Mean, codes[2 * k + 1].Mean, steps, requests[r].Method),
                Enumerable.Range(0, steps).Select(i => (double)i / (steps - 1)).ToArray(),
                [new(ReferenceRole.From, ends[r].From), new(ReferenceRole.To, ends[r].To)]);
        }
        var points = new Dictionary<int, LatentPoint[]>();
        foreach (var group in live.GroupBy(r => requests[r].Options ?? DecodeOptions.Default))
        {
            var members = group.ToArray();
            var owner = members.SelectMany(r => Enumerable.Repeat(r, requests[r].Steps)).ToArray();
            // Each path's ends encode the user's items: anchored in the same search as every repair of the group.
            var firsts = RowBlocks.Starts(members, r => requests[r].Steps);
            var anchors = members.SelectMany((r, m) => new[]
            {
                (firsts[m], paths[r].References[0]), (firsts[m] + requests[r].Steps - 1, paths[r].References[1]),
            }).ToArray();
            var decoded = model.Points.DecodeEach(members.SelectMany(r => paths[r].Z).ToArray(), group.Key, i => paths[owner[i]].References,
                members.SelectMany(r => paths[r].Positions).ToArray(), anchors);
            foreach (var (r, part) in RowBlocks.Split(members, decoded, r => requests[r].Steps)) points[r] = part;
        }
        foreach (var r in live)
        {
            IReadOnlyList<LatentPoint> path = points[r];
            outcomes[r] = new RequestOutcome<IReadOnlyList<LatentPoint>>(requests[r].Smooth ? new SmoothPath(model).Choose(points[r], paths[r].References) : path, null);
        }
        return outcomes.Select(o => o!).ToArray();
    }
}
