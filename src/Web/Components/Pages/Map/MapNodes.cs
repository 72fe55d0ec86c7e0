using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Web.Components.Pages.Map;

/// <summary>
/// An item on the map: a node centred on its latent position that shows the domain's picture of the item. Its size is
/// fixed (<see cref="NodeModel.ControlledSize"/>), so the browser is never asked to measure hundreds of nodes.
/// </summary>
public sealed class MapNode : NodeModel
{
    /// <summary>Node size in map units (the picture and a caption).</summary>
    public const double Width = 120, Height = 138;

    /// <summary>Creates the node of <paramref name="point"/> in <paramref name="domain"/>, outlined in <paramref name="colour"/>.</summary>
    public MapNode(MapPoint point, IDomainModule domain, string colour) : base(new Point(point.X - Width / 2, point.Y - Height / 2))
    {
        (Item, Domain, Colour) = (point, domain, colour);
        Title = point.Name;
        ControlledSize = true;
        Size = new Size(Width, Height);
    }

    /// <summary>The item shown.</summary>
    public MapPoint Item { get; }

    /// <summary>The item's domain, whose picture and audio the node uses.</summary>
    public IDomainModule Domain { get; }

    /// <summary>Outline colour: the item's value of the property the map is coloured by.</summary>
    public string Colour { get; set; }
}

/// <summary>What a decoded point on the map belongs to.</summary>
public enum MapTrail
{
    /// <summary>An interpolation path (drawn red).</summary>
    Path,

    /// <summary>A navigation trajectory (drawn green).</summary>
    Trajectory,
}

/// <summary>A decoded point of a path or trajectory: a small dot at its latent position, linked to its neighbours.</summary>
public sealed class TrailPointNode : NodeModel
{
    /// <summary>Dot diameter in map units.</summary>
    public const double Diameter = 16;

    /// <summary>Creates the dot of <paramref name="text"/> (decoded; invalid when <paramref name="valid"/> is false) centred on (x, y).</summary>
    public TrailPointNode(MapTrail trail, int index, string text, bool valid, double x, double y) : base(new Point(x - Diameter / 2, y - Diameter / 2))
    {
        (Trail, Index, Text, Valid) = (trail, index, text, valid);
        Title = text;
        ControlledSize = true;
        Size = new Size(Diameter, Diameter);
    }

    /// <summary>Path or trajectory.</summary>
    public MapTrail Trail { get; }

    /// <summary>The point's place along its trail, from 0.</summary>
    public int Index { get; }

    /// <summary>The decoded item.</summary>
    public string Text { get; }

    /// <summary>Whether the decode is a valid item.</summary>
    public bool Valid { get; }

    /// <summary>The trail's colour.</summary>
    public string Colour => Trail == MapTrail.Path ? LatentMapColours.Path : LatentMapColours.Trajectory;
}

/// <summary>The items that share a tag (a style such as jazz or classical, or an import's file), framed and moved together.</summary>
public sealed class TagGroup(string tag, IEnumerable<NodeModel> children) : GroupModel(children, padding: 16)
{
    /// <summary>The shared tag, shown on the frame.</summary>
    public string Tag { get; } = tag;

    /// <summary>Frame colour, one per tag.</summary>
    public string Colour { get; init; } = "#888";
}

/// <summary>Colours of the map's trails and groups.</summary>
public static class LatentMapColours
{
    /// <summary>Interpolation paths.</summary>
    public const string Path = "#d32f2f";

    /// <summary>Navigation trajectories.</summary>
    public const string Trajectory = "#2e7d32";

    private static readonly string[] GroupPalette = ["#1565c0", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#558b2f", "#4e342e", "#283593"];

    /// <summary>The frame colour of the <paramref name="index"/>-th group.</summary>
    public static string Group(int index) => GroupPalette[index % GroupPalette.Length];
}
