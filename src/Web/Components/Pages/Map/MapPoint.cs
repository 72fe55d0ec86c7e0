namespace LatentWorkbench.Web.Components.Pages.Map;

/// <summary>
/// One item on the latent map: name, text, tags, properties and the centre of its node on the map's plane.
/// </summary>
public sealed record MapPoint(string Name, string Text, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, double> Properties, double X, double Y)
{
    /// <summary>The group the item joins when the map groups by tag: its first tag, or null for an untagged item.</summary>
    public string? Group => Tags.Count > 0 ? Tags[0] : null;
}
