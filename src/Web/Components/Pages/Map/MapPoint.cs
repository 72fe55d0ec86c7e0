namespace LatentWorkbench.Web.Components.Pages.Map;

/// <summary>One item on the latent map: name, text, properties and its projected position.</summary>
public sealed record MapPoint(string Name, string Text, IReadOnlyDictionary<string, double> Properties, double X, double Y);
