using System.Globalization;
using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Options;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Components.Pages.Explore;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace LatentWorkbench.Web.Components.Pages.Map;

/// <summary>
/// Latent map: the library's items and the samples as nodes at their latent positions (two principal axes of the latent
/// means), each drawing its own picture and outlined by a property; the latest path and trajectory as links through
/// their decoded points. Dragging nodes and choosing them come from Blazor.Diagrams; panning and zooming run in the
/// browser (latent-map.js), which tells the diagram the view it ends on. Two chosen nodes can be interpolated (drawn
/// here, saved, opened in Explore), one chosen node can be navigated from.
/// </summary>
public partial class LatentMap : IAsyncDisposable
{
    /// <summary>The steps of a path asked for from the map (Explore's default).</summary>
    public const int PathSteps = 8;

    private readonly List<MapNode> _picked = [];
    private MapLayout? _layout;
    private bool _drawPending, _fitPending;
    private ElementReference _canvasHost;
    private DotNetObjectReference<LatentMap>? _self;
    private IJSObjectReference? _view;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private BlazorDiagram Diagram { get; set; } = NewDiagram();
    private string ColourBy { get; set; } = "";
    private bool GroupByTag { get; set; }
    private bool Busy { get; set; }
    private IReadOnlyList<MapPoint> Points { get; set; } = [];
    private IReadOnlyList<LatentPoint> Path { get; set; } = [];
    private IReadOnlyList<LatentPoint> Trajectory { get; set; } = [];

    /// <summary>The saved session of the path drawn from the map's own "Interpolate", which Explore can open.</summary>
    private long? PathSession { get; set; }

    /// <summary>The nodes chosen, in the order they were chosen (at most the last two count).</summary>
    private IReadOnlyList<MapNode> Picked => _picked;

    /// <inheritdoc/>
    private protected override void OnDomainChanged()
    {
        Points = [];
        Path = [];
        Trajectory = [];
        PathSession = null;
        ColourBy = Domain.Properties.Definitions.FirstOrDefault()?.Key ?? "";
        Show(NewDiagram());
        _drawPending = Hub.HasModel(Domain);
        if (_drawPending && !RendererInfo.IsInteractive) WarmCodes();
    }

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        // The map draws itself as soon as the page is interactive (not while prerendering), with no button to press
        // first and without waiting for the first interactive render to go out.
        if (_drawPending && RendererInfo.IsInteractive)
        {
            _drawPending = false;
            await DrawAsync();
        }
    }

    /// <inheritdoc/>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender) await AttachViewAsync();
        if (_fitPending && Diagram.Container is not null)
        {
            _fitPending = false;
            Diagram.ZoomToFit(24);
        }
    }

    /// <summary>
    /// Lets the browser pan and zoom the map (latent-map.js): with hundreds of nodes, a server render for every pointer
    /// move cannot keep up with the pointer, so the browser moves the layers itself and sends the final view once.
    /// </summary>
    private async Task AttachViewAsync()
    {
        _self = DotNetObjectReference.Create(this);
        var zoom = Diagram.Options.Zoom;
        try
        {
            _view = await JS.InvokeAsync<IJSObjectReference>("latentMapView.attach", _canvasHost, _self,
                new { min = zoom.Minimum, max = zoom.Maximum, factor = zoom.ScaleFactor });
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Without the script the diagram still pans and zooms itself, one server render per move.
        }
    }

    /// <summary>The view the browser panned or zoomed the map to: the diagram takes it (its navigator and fitting follow).</summary>
    [JSInvokable]
    public void SetView(double panX, double panY, double zoom)
    {
        if (!double.IsFinite(panX) || !double.IsFinite(panY) || !double.IsFinite(zoom) || zoom <= 0) return;
        zoom = Math.Clamp(zoom, Diagram.Options.Zoom.Minimum, Diagram.Options.Zoom.Maximum);
        Diagram.Batch(() =>
        {
            Diagram.SetPan(panX, panY);
            Diagram.SetZoom(zoom);
        });
    }

    /// <summary>A click on the map's background (without a drag): no node is chosen any more.</summary>
    [JSInvokable]
    public void ClearChoice() => Diagram.UnselectAll();

    private async Task DrawAsync()
    {
        Busy = true;
        Message = null;
        try
        {
            var worker = Hub.Get(Domain.Id);
            var items = Candidates();
            // One request for all: the items the model can read are encoded as one batch (or come from the worker's cache
            // of codes when the map was drawn before, or from the database since an earlier start), the others are left out.
            var codes = await worker.TryEncodeAsync(items.Select(i => i.Text).ToList(), keep: true);
            var encoded = items.Zip(codes, (item, code) => (Item: item, Code: code)).Where(x => x.Code is not null)
                .Select(x => (x.Item, x.Code!.Mean)).ToList();
            if (encoded.Count < 2)
            {
                Message = "The map needs at least two items the model can read: add some to the library.";
                Show(NewDiagram());
                return;
            }
            _layout = MapLayout.Fit(encoded.Select(x => x.Mean).ToList(), MapNode.Width);
            // Items at their latent positions, nudged apart where their nodes would cover one another.
            var centres = MapLayout.Spread(encoded.Select(x => _layout.Place(x.Mean)).ToList(), MapNode.Width, MapNode.Height);
            Points = encoded.Select((x, i) => new MapPoint(x.Item.Name, x.Item.Text, x.Item.Tags,
                x.Item.Properties ?? Domain.Properties.Compute(x.Item.Text), centres[i].X, centres[i].Y)).ToList();
            Path = Latest(SessionStore.Interpolation) is { } path ? SessionStore.ResultOf<LatentPoint[]>(path) ?? [] : [];
            Trajectory = Latest(SessionStore.Navigation) is { } walk ? SessionStore.ResultOf<NavigationResult>(walk)?.Trajectory ?? [] : [];
            PathSession = null;
            Build(keepPositions: false);
        }
        catch (Exception e) when (e is ModelUnavailableException or WorkerBusyException)
        {
            Message = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>The library's items and the domain's samples, each text once.</summary>
    private List<MapCandidate> Candidates() =>
        Library.Select(i => new MapCandidate(i.Name, i.Text, i.Tags, i.Properties))
            .Concat(Domain.Samples.Select(s => new MapCandidate(s.Name, s.Text, s.Tags, null)))
            .DistinctBy(i => i.Text).ToList();

    /// <summary>
    /// While the page is prerendered, starts encoding the map's items, so that their codes are in the worker's cache (or
    /// on their way) by the time the page is interactive and draws the map: the browser's start-up and the encoder
    /// overlap instead of following one another.
    /// </summary>
    private void WarmCodes()
    {
        try
        {
            _ = Hub.Get(Domain.Id).TryEncodeAsync(Candidates().Select(i => i.Text).ToList(), keep: true)
                .ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
        catch (Exception e) when (e is ModelUnavailableException or WorkerBusyException)
        {
            // The interactive page will say so.
        }
    }

    /// <summary>Lays the current points, groups and trails out on a fresh diagram (keeping dragged nodes where they are when asked).</summary>
    private void Build(bool keepPositions)
    {
        var moved = keepPositions ? Diagram.Nodes.OfType<MapNode>().ToDictionary(n => n.Item.Text, n => n.Position) : [];
        var diagram = NewDiagram();
        var colour = OutlineColours();
        var nodes = Points.Select(p => new MapNode(p, Domain, colour(p))).ToList();
        foreach (var node in nodes)
            if (moved.TryGetValue(node.Item.Text, out var at)) node.SetPosition(at.X, at.Y);
        // Trail dots go in first, so they are drawn under the items' nodes and never cover one that could be chosen.
        var items = nodes.GroupBy(n => n.Item.Text).ToDictionary(g => g.Key, g => g.First());
        var links = new List<LinkModel>();
        AddTrail(diagram, links, MapTrail.Trajectory, Trajectory, items, null, null);
        var ends = PathEnds(nodes);
        AddTrail(diagram, links, MapTrail.Path, Path, items, ends.From, ends.To);
        foreach (var node in nodes) diagram.Nodes.Add(node);
        if (GroupByTag)
        {
            var groups = nodes.Where(n => n.Item.Group is not null).GroupBy(n => n.Item.Group!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            for (int g = 0; g < groups.Count; g++)
                diagram.Groups.Add(new TagGroup(groups[g].Key, groups[g]) { Colour = LatentMapColours.Group(g) });
        }
        foreach (var link in links) diagram.Links.Add(link);
        Show(diagram);
    }

    /// <summary>
    /// Adds a trail's decoded points as dots, and the links through them in order to <paramref name="links"/>. A point
    /// that decodes to an item on the map is that item's node rather than a dot (so a trajectory starts at its item);
    /// when the trail's ends are given, the links start and finish at those nodes.
    /// </summary>
    private void AddTrail(BlazorDiagram diagram, List<LinkModel> links, MapTrail trail, IReadOnlyList<LatentPoint> points,
        IReadOnlyDictionary<string, MapNode> items, MapNode? from, MapNode? to)
    {
        if (_layout is null || points.Count < 2) return;
        var chain = new List<NodeModel>();
        if (from is not null) chain.Add(from);
        for (int i = from is null ? 0 : 1; i < points.Count - (to is null ? 0 : 1); i++)
        {
            if (points[i].Valid && items.TryGetValue(points[i].Text, out var item))
            {
                if (chain.Count == 0 || chain[^1] != item) chain.Add(item);
                continue;
            }
            var (x, y) = _layout.Place(points[i].Latent);
            var dot = new TrailPointNode(trail, i, points[i].Text, points[i].Valid, x, y);
            diagram.Nodes.Add(dot);
            chain.Add(dot);
        }
        if (to is not null && (chain.Count == 0 || chain[^1] != to)) chain.Add(to);
        var colour = trail == MapTrail.Path ? LatentMapColours.Path : LatentMapColours.Trajectory;
        for (int i = 1; i < chain.Count; i++)
            links.Add(new LinkModel(chain[i - 1], chain[i]) { Color = colour, SelectedColor = colour, Width = 3 });
    }

    /// <summary>The nodes of the drawn path's two ends, when both are items on the map.</summary>
    private (MapNode? From, MapNode? To) PathEnds(IReadOnlyList<MapNode> nodes)
    {
        if (Path.Count < 2 || Latest(SessionStore.Interpolation) is not { } session) return (null, null);
        if (SessionStore.RequestOf<InterpolationRun>(session) is not { } run) return (null, null);
        var from = nodes.FirstOrDefault(n => n.Item.Text == run.From);
        var to = nodes.FirstOrDefault(n => n.Item.Text == run.To);
        return from is not null && to is not null ? (from, to) : (null, null);
    }

    private void Show(BlazorDiagram diagram)
    {
        Diagram.SelectionChanged -= OnSelectionChanged;
        Diagram.ContainerChanged -= OnContainerChanged;
        Diagram = diagram;
        Diagram.SelectionChanged += OnSelectionChanged;
        Diagram.ContainerChanged += OnContainerChanged;
        _picked.Clear();
        _fitPending = true;
    }

    private static BlazorDiagram NewDiagram()
    {
        var options = new BlazorDiagramOptions { AllowMultiSelection = true };
        options.Zoom.Minimum = 0.02;
        options.Zoom.Maximum = 4;
        options.Links.DefaultPathGenerator = new StraightPathGenerator();
        var diagram = new BlazorDiagram(options);
        // The map is a view of the model: the Delete key must not take items off it.
        diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        diagram.RegisterComponent<MapNode, MapNodeWidget>();
        diagram.RegisterComponent<TrailPointNode, TrailPointWidget>();
        diagram.RegisterComponent<TagGroup, TagGroupWidget>();
        return diagram;
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        if (model is not MapNode node) return;
        _picked.Remove(node);
        if (node.Selected) _picked.Add(node);
        InvokeAsync(StateHasChanged);
    }

    private void OnContainerChanged()
    {
        if (!_fitPending || Diagram.Nodes.Count == 0) return;
        _fitPending = false;
        Diagram.ZoomToFit(24);
    }

    private void FitAll() => Diagram.ZoomToFit(24);

    private async Task InterpolatePickedAsync()
    {
        if (_picked.Count < 2) return;
        var (from, to) = (_picked[^2], _picked[^1]);
        Busy = true;
        Message = null;
        try
        {
            var run = new InterpolationRun(from.Item.Text, to.Item.Text, PathSteps, "slerp");
            var request = new PathRequest(run.From, run.To, run.Steps, Interpolation.Named(run.Method), DecodeOptions.Named(run.Decoding), run.Smooth);
            Path = await Hub.Get(Domain.Id).InterpolateAsync(request);
            var names = new Dictionary<string, string> { [from.Item.Text] = from.Item.Name, [to.Item.Text] = to.Item.Name };
            PathSession = Sessions.Save(Access, SessionStore.Interpolation, Domain.Id, run.Title(Domain, null, names), run, Path).Id;
            Build(keepPositions: true);
        }
        catch (Exception e) when (ItemInputException.IsItemError(e) || e is ModelUnavailableException or WorkerBusyException)
        {
            Message = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }

    private void SetColourBy(string key)
    {
        ColourBy = key;
        var colour = OutlineColours();
        foreach (var node in Diagram.Nodes.OfType<MapNode>())
        {
            node.Colour = colour(node.Item);
            node.Refresh();
        }
    }

    private void SetGroupByTag(bool group)
    {
        GroupByTag = group;
        Build(keepPositions: true);
    }

    private SavedSession? Latest(string kind) =>
        Sessions.List(Access, Domain.Id).FirstOrDefault(s => s.Kind == kind) is { } s ? Sessions.Get(Access, s.Id) : null;

    /// <summary>Outline colours: blue (low) to red (high) over the shown items' range of the chosen property; grey where it is missing.</summary>
    private Func<MapPoint, string> OutlineColours()
    {
        var values = Points.Select(p => p.Properties.GetValueOrDefault(ColourBy, double.NaN)).Where(double.IsFinite).ToList();
        if (values.Count == 0) return _ => "#bbb";
        double min = values.Min(), max = values.Max();
        return point =>
        {
            if (!point.Properties.TryGetValue(ColourBy, out var v) || !double.IsFinite(v)) return "#bbb";
            var t = max - min < 1e-12 ? 0.5 : (v - min) / (max - min);
            return $"hsl({(240 - 240 * t).ToString("0", CultureInfo.InvariantCulture)}, 70%, 50%)";
        };
    }

    private string ValueText(MapPoint point) =>
        point.Properties.TryGetValue(ColourBy, out var v) ? $"{ColourBy} {v.ToString("0.##", CultureInfo.InvariantCulture)}" : $"no {ColourBy}";

    private string ExploreLink(string a, string? b = null) =>
        $"explore/{Domain.Id}?a={Uri.EscapeDataString(a)}" + (b is null ? "" : $"&b={Uri.EscapeDataString(b)}");

    private string NavigateLink(string start) => $"navigate/{Domain.Id}?start={Uri.EscapeDataString(start)}";

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Diagram.SelectionChanged -= OnSelectionChanged;
        Diagram.ContainerChanged -= OnContainerChanged;
        if (_view is { } view)
        {
            _view = null;
            try
            {
                await view.InvokeVoidAsync("detach");
                await view.DisposeAsync();
            }
            catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException) { }
        }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>An item offered to the map before encoding (library properties are reused; samples' are computed).</summary>
    private sealed record MapCandidate(string Name, string Text, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, double>? Properties);
}
