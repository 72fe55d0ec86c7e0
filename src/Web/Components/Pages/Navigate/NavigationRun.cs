namespace LatentWorkbench.Web.Components.Pages.Navigate;

/// <summary>A navigation as the Navigate page runs and saves it.</summary>
public sealed record NavigationRun(string Start, string Property, string Direction, double Target, double MinSimilarity, int Steps);
