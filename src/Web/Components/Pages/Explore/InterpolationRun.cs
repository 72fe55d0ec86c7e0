namespace LatentWorkbench.Web.Components.Pages.Explore;

/// <summary>An interpolation as the Explore page runs and saves it.</summary>
public sealed record InterpolationRun(string From, string To, int Steps, string Method, string Decoding = "greedy", bool Smooth = false);
