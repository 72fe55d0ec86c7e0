namespace LatentWorkbench.Web.Components.Shared;

/// <summary>One series of a <see cref="LineChart"/>: its name, colour, points and whether to join them, mark them, or both.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Line = true, bool Dots = false);
