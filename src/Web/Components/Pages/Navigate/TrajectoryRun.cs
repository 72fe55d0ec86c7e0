using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Web.Components.Pages.Navigate;

/// <summary>
/// Consecutive trajectory steps that decode to the same item, shown as one card: a climb of 20 small steps often stays
/// on one item for many of them, and twenty copies of one card hide where the trajectory actually changes.
/// </summary>
public sealed record TrajectoryRun(LatentPoint Point, int First, int Last)
{
    /// <summary>The card's caption: "step 3", or "steps 0-12" for a run.</summary>
    public string Caption => First == Last ? $"step {First}" : $"steps {First}–{Last}";

    /// <summary>The runs of <paramref name="trajectory"/>, in order; a run's card shows its first point.</summary>
    public static IReadOnlyList<TrajectoryRun> Of(IReadOnlyList<LatentPoint> trajectory)
    {
        var runs = new List<TrajectoryRun>();
        for (int i = 0; i < trajectory.Count; i++)
        {
            if (runs.Count > 0 && runs[^1].Point.Valid == trajectory[i].Valid && runs[^1].Point.Text == trajectory[i].Text)
                runs[^1] = runs[^1] with { Last = i };
            else
                runs.Add(new TrajectoryRun(trajectory[i], i, i));
        }
        return runs;
    }
}
