using LatentWorkbench.Web.Components.Shared;

namespace LatentWorkbench.Web.Components.Pages.Explore;

/// <summary>An interpolation as the Explore page (and the API, asked to save) runs and saves it.</summary>
public sealed record InterpolationRun(string From, string To, int Steps, string Method, string Decoding = "greedy", bool Smooth = false)
{
    /// <summary>The session's title: both ends, shortened.</summary>
    public string Title() => $"{ItemChecks.Short(From)} → {ItemChecks.Short(To)}";
}
