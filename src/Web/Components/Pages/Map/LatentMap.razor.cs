using System.Globalization;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Components.Pages.Map;

/// <summary>
/// Latent map: PCA of the latent means of library items and samples, coloured by a property, with the latest saved
/// interpolation path and navigation trajectory drawn over.
/// </summary>
public partial class LatentMap
{
    private const int Size = 640, Pad = 20;

    private double _minX, _maxX, _minY, _maxY;

    private string ColourBy { get; set; } = "";
    private bool Busy { get; set; }
    private IReadOnlyList<MapPoint> Points { get; set; } = [];
    private IReadOnlyList<(double X, double Y)> Path { get; set; } = [];
    private IReadOnlyList<(double X, double Y)> Trajectory { get; set; } = [];

    /// <inheritdoc/>
    private protected override void OnDomainChanged()
    {
        Points = [];
        Path = [];
        Trajectory = [];
        ColourBy = Domain.Properties.Definitions.FirstOrDefault()?.Key ?? "";
    }

    private async Task ComputeAsync()
    {
        Busy = true;
        try
        {
            var worker = Hub.Get(Domain.Id);
            var items = Library.Select(i => (i.Name, i.Text)).Concat(Domain.Samples.Select(s => (s.Name, s.Text))).DistinctBy(i => i.Text).ToList();
            // One request for all: the items the model can read are encoded as one batch, the others are left out.
            var encoded = await worker.RunAsync(m =>
            {
                var readable = items.Where(i => Readable(m, i.Text)).ToList();
                var codes = m.Encode(readable.Select(i => i.Text).ToList());
                return readable.Zip(codes, (item, code) => (First: item, Second: (float[]?)code.Mean)).ToList();
            });
            if (encoded.Count < 2) { Message = "The map needs at least two items the model can read."; return; }
            var pca = Pca.Fit(encoded.Select(x => x.Second!).ToList());
            Points = encoded.Select(x =>
            {
                var (px, py) = pca.Project(x.Second!);
                return new MapPoint(x.First.Name, x.First.Text, Domain.Properties.Compute(x.First.Text), px, py);
            }).ToList();
            Path = (Latest(SessionStore.Interpolation) is { } path ? SessionStore.ResultOf<LatentPoint[]>(path) ?? [] : [])
                .Select(p => pca.Project(p.Latent)).ToList();
            Trajectory = (Latest(SessionStore.Navigation) is { } walk ? SessionStore.ResultOf<NavigationResult>(walk)?.Trajectory ?? [] : [])
                .Select(p => pca.Project(p.Latent)).ToList();
            var all = Points.Select(p => (p.X, p.Y)).Concat(Path).Concat(Trajectory).ToList();
            (_minX, _maxX, _minY, _maxY) = (all.Min(p => p.X), all.Max(p => p.X), all.Min(p => p.Y), all.Max(p => p.Y));
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

    private static bool Readable(DomainModel model, string text)
    {
        try
        {
            return model.Codec.TryToIds(model.Canonicalize(text), out _, out _);
        }
        catch (Exception e) when (e is ItemInputException or ArgumentException or FormatException or InvalidDataException)
        {
            return false;
        }
    }

    private SavedSession? Latest(string kind) =>
        Sessions.List(Access, Domain.Id).FirstOrDefault(s => s.Kind == kind) is { } s ? Sessions.Get(Access, s.Id) : null;

    private string Sx(double x) => Scale(x, _minX, _maxX).ToString("0.#", CultureInfo.InvariantCulture);

    private string Sy(double y) => (Size - Scale(y, _minY, _maxY)).ToString("0.#", CultureInfo.InvariantCulture);

    private static double Scale(double v, double min, double max) => Pad + (Size - 2 * Pad) * (max - min < 1e-12 ? 0.5 : (v - min) / (max - min));

    /// <summary>Blue (low) to red (high) over the shown items' range of the chosen property; grey when it is missing.</summary>
    private string Colour(MapPoint point)
    {
        var values = Points.Select(p => p.Properties.GetValueOrDefault(ColourBy, double.NaN)).Where(double.IsFinite).ToList();
        if (!point.Properties.TryGetValue(ColourBy, out var v) || values.Count == 0) return "#bbb";
        double min = values.Min(), max = values.Max(), t = max - min < 1e-12 ? 0.5 : (v - min) / (max - min);
        return $"hsl({(240 - 240 * t).ToString("0", CultureInfo.InvariantCulture)}, 70%, 50%)";
    }

    private string ValueText(MapPoint point) =>
        point.Properties.TryGetValue(ColourBy, out var v) ? $"{ColourBy} {v.ToString("0.##", CultureInfo.InvariantCulture)}" : $"no {ColourBy}";
}
