using LatentWorkbench.Web.Services;

namespace LatentWorkbench.Web.Components.Pages.Map;

/// <summary>
/// Places latent codes on the map's plane: the two principal axes of the items' latent means, scaled so the whole set
/// spans about <see cref="Spacing"/> node widths per item along a side and nodes rarely hide one another. Paths and
/// trajectories are placed with the same projection, so a decoded point sits where its code lies among the items.
/// </summary>
public sealed class MapLayout
{
    /// <summary>Node widths of plane per item along each side, over the square root of the item count.</summary>
    public const double Spacing = 1.6;

    private readonly Pca _pca;
    private readonly double _minX, _minY, _scale;

    private MapLayout(Pca pca, double minX, double minY, double scale) => (_pca, _minX, _minY, _scale) = (pca, minX, minY, scale);

    /// <summary>The plane's side in map units (the items' larger extent after scaling).</summary>
    public double Side { get; private init; }

    /// <summary>Fits the projection to <paramref name="means"/> (at least two) for nodes <paramref name="nodeWidth"/> wide.</summary>
    public static MapLayout Fit(IReadOnlyList<float[]> means, double nodeWidth)
    {
        if (means.Count < 2) throw new ArgumentException("The map needs at least two items.", nameof(means));
        var pca = Pca.Fit(means);
        var projected = means.Select(pca.Project).ToList();
        double minX = projected.Min(p => p.X), maxX = projected.Max(p => p.X);
        double minY = projected.Min(p => p.Y), maxY = projected.Max(p => p.Y);
        double side = Math.Max(2, Spacing * Math.Sqrt(means.Count)) * nodeWidth;
        double extent = Math.Max(maxX - minX, maxY - minY);
        double scale = extent < 1e-12 ? 0 : side / extent;
        return new MapLayout(pca, minX, minY, scale) { Side = side };
    }

    /// <summary>
    /// <paramref name="centres"/> moved apart so that no two boxes of <paramref name="width"/> x <paramref name="height"/>
    /// around them overlap (similar items sit at nearly the same latent position, and a node drawn over another cannot
    /// be chosen). Each overlapping pair is pushed apart along the axis where it overlaps less, half each way, until
    /// nothing overlaps or after <paramref name="rounds"/> rounds; nodes that do not overlap stay where they are. Each
    /// round sweeps the nodes in order of x, so only near neighbours are compared (milliseconds for hundreds of nodes).
    /// </summary>
    public static (double X, double Y)[] Spread(IReadOnlyList<(double X, double Y)> centres, double width, double height, int rounds = 100)
    {
        var at = centres.ToArray();
        var order = Enumerable.Range(0, at.Length).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            // Pairs are met left to right: sorted by x, a node's sweep stops at the first node a box width or more to
            // its right. Nodes pushed during a round may be met late, in the next round; the last round moves nothing,
            // so it has met every pair that overlaps.
            var keys = order.Select(i => at[i].X).ToArray();
            Array.Sort(keys, order);
            var moved = false;
            for (int a = 0; a < order.Length; a++)
            {
                int i = order[a];
                for (int b = a + 1; b < order.Length; b++)
                {
                    int j = order[b];
                    if (keys[b] - keys[a] >= width + 1) break;
                    double dx = at[j].X - at[i].X, dy = at[j].Y - at[i].Y;
                    double overlapX = width - Math.Abs(dx), overlapY = height - Math.Abs(dy);
                    if (overlapX <= 0 || overlapY <= 0) continue;
                    moved = true;
                    // Coincident nodes part along x, the later one to the right.
                    if (overlapX / width <= overlapY / height)
                    {
                        var push = (overlapX / 2 + 0.5) * (dx < 0 ? -1 : 1);
                        at[i].X -= push;
                        at[j].X += push;
                    }
                    else
                    {
                        var push = (overlapY / 2 + 0.5) * (dy < 0 ? -1 : 1);
                        at[i].Y -= push;
                        at[j].Y += push;
                    }
                }
            }
            if (!moved) break;
        }
        return at;
    }

    /// <summary>The map position of latent <paramref name="z"/> (x right, y down; the items fill [0, Side]).</summary>
    public (double X, double Y) Place(float[] z)
    {
        var (x, y) = _pca.Project(z);
        return ((x - _minX) * _scale, Side - (y - _minY) * _scale);
    }
}
