using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Components.Shared;
using LatentWorkbench.Web.Services.Training;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace LatentWorkbench.Web.Components.Pages.Models;

/// <summary>
/// Trains a new model of <see cref="Domain"/> in the background and follows its jobs live. Everything shown is read
/// from the job store, so a reload or a second browser sees the same jobs; the runner's change events only trigger a
/// (throttled) re-read.
/// </summary>
public sealed partial class TrainingPanel : ComponentBase, IDisposable
{
    private const int RefreshDelayMs = 300;
    private int _refreshPending;
    private bool _disposed;

    /// <summary>The domain whose models are trained here.</summary>
    [Parameter, EditorRequired] public IDomainModule Domain { get; set; } = null!;

    [Inject] private TrainingJobRunner Runner { get; set; } = null!;
    [Inject] private TrainingFolders Folders { get; set; } = null!;

    private string Name { get; set; } = "";
    private string? Data { get; set; }
    private string? Valid { get; set; }
    private int Epochs { get; set; }
    private int Limit { get; set; }
    private double KlWeight { get; set; }
    private IReadOnlyList<DataSetEntry> DataSets { get; set; } = [];
    private IReadOnlyList<TrainingJob> Jobs { get; set; } = [];
    private long? SelectedId { get; set; }
    private IReadOnlyList<(string Title, IReadOnlyList<ChartSeries> Series)> Charts { get; set; } = [];
    private string? Message { get; set; }
    private Severity MessageSeverity { get; set; } = Severity.Info;

    protected override void OnInitialized()
    {
        Epochs = Domain.Defaults.Training.Epochs;
        KlWeight = Domain.Defaults.Training.KlWeight;
        Name = $"{Domain.Id}-{DateTime.UtcNow:yyyyMMdd-HHmm}";
        DataSets = Folders.List();
        Runner.Changed += OnChanged;
        Reload();
        SelectedId = Jobs.FirstOrDefault(j => j.Status == TrainingJobStatus.Running)?.Id ?? Jobs.FirstOrDefault()?.Id;
        LoadCharts();
    }

    private void Start()
    {
        try
        {
            var defaults = Domain.Defaults.Training;
            var job = Runner.Start(new TrainingJobRequest(Domain.Id, Name.Trim(), Data ?? "", string.IsNullOrEmpty(Valid) ? null : Valid,
                Epochs == defaults.Epochs ? null : Epochs, Limit, KlWeight == defaults.KlWeight ? null : KlWeight));
            Show(Severity.Success, $"Queued '{job.Request.Name}' (job {job.Id}).");
            SelectedId = job.Id;
            Reload();
            LoadCharts();
        }
        catch (ItemInputException e)
        {
            Show(Severity.Warning, e.Message);
        }
    }

    private void Act(Action action)
    {
        try
        {
            action();
            Message = null;
        }
        catch (Exception e) when (e is TrainingJobStateException or KeyNotFoundException)
        {
            Show(Severity.Warning, e.Message);
        }
        Reload();
        LoadCharts();
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        try
        {
            var files = e.GetMultipleFiles(maximumFileCount: 10_000).Select(f => (f.Name, (Func<long, Stream>)(max => f.OpenReadStream(max)))).ToList();
            var path = await Folders.SaveUploadAsync(files);
            DataSets = Folders.List();
            Data = path;
            Show(Severity.Success, $"Uploaded {files.Count} file(s) as '{Path.GetFileName(path)}'.");
        }
        catch (Exception ex) when (ex is ItemInputException or IOException or InvalidOperationException)
        {
            Show(Severity.Warning, $"Upload failed: {ex.Message}");
        }
    }

    private void Select(long id)
    {
        SelectedId = SelectedId == id ? null : id;
        LoadCharts();
    }

    private void Reload() => Jobs = Runner.List(Domain.Id);

    private void LoadCharts()
    {
        if (SelectedId is not { } id)
        {
            Charts = [];
            return;
        }
        var points = Runner.Points(id);
        var training = points;   // every report carries the trainer's running means, the epoch-end ones too
        var validation = points.Where(p => p.ValidTokenAccuracy is not null).ToList();
        List<(double, double)> Of(IEnumerable<TrainingJobPoint> source, Func<TrainingJobPoint, double?> value) =>
            source.Where(p => value(p) is not null).Select(p => ((double)p.Step, value(p)!.Value)).ToList();
        var charts = new List<(string, IReadOnlyList<ChartSeries>)>
        {
            ("Loss per item", [new ChartSeries("training", "#1976d2", Of(training, p => p.Loss))]),
            ("KL (nats)", [new ChartSeries("training", "#1976d2", Of(training, p => p.Kl)), new ChartSeries("validation", "#e65100", Of(validation, p => p.ValidKl), Line: false, Dots: true)]),
            ("Token accuracy", [new ChartSeries("training", "#1976d2", Of(training, p => p.TokenAccuracy)),
                new ChartSeries("validation", "#e65100", Of(validation, p => p.ValidTokenAccuracy), Line: false, Dots: true),
                new ChartSeries("exact reconstruction", "#2e7d32", Of(validation, p => p.ValidExact), Line: false, Dots: true)]),
            ("Active units (fraction)", [new ChartSeries("validation", "#e65100", Of(validation, p => p.ActiveUnitsFraction), Line: false, Dots: true)]),
        };
        Charts = points.Count == 0 ? [] : charts;
    }

    private void OnChanged(TrainingJob job)
    {
        if (_disposed || !string.Equals(job.Request.Domain, Domain.Id, StringComparison.OrdinalIgnoreCase)) return;
        if (Interlocked.Exchange(ref _refreshPending, 1) == 1) return;
        _ = RefreshSoonAsync();
    }

    private async Task RefreshSoonAsync()
    {
        await Task.Delay(RefreshDelayMs);
        Interlocked.Exchange(ref _refreshPending, 0);
        if (_disposed) return;
        try
        {
            await InvokeAsync(() =>
            {
                Reload();
                LoadCharts();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the check and the render.
        }
    }

    private void Show(Severity severity, string message) => (MessageSeverity, Message) = (severity, message);

    private static string Describe(DataSetEntry set) =>
        $"{set.Name}{(set.IsFolder ? "/" : "")} ({(set.Bytes < 1024 * 1024 ? $"{Math.Max(1, set.Bytes / 1024)} KB" : $"{set.Bytes / 1024.0 / 1024.0:0.#} MB")})";

    private static string FormatEta(double seconds) => TimeSpan.FromSeconds(seconds) is var t && t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes} min"
        : t.TotalMinutes >= 1 ? $"{t.Minutes} min" : $"{t.Seconds} s";

    private static Color StatusColor(TrainingJobStatus status) => status switch
    {
        TrainingJobStatus.Running => Color.Primary,
        TrainingJobStatus.Completed => Color.Success,
        TrainingJobStatus.Failed => Color.Error,
        TrainingJobStatus.Queued => Color.Default,
        _ => Color.Warning,
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        Runner.Changed -= OnChanged;
    }
}
