using System.Globalization;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LatentWorkbench.Web.Components.Pages.Models;

/// <summary>
/// Evaluates one of <see cref="Domain"/>'s checkpoints on a chosen data set through <see cref="ModelEvaluations"/> (the
/// tensor work runs on a model worker, never on the circuit's thread) and lists the figures, nested ones as
/// <c>parent.child</c> rows.
/// </summary>
public sealed partial class EvaluationPanel : ComponentBase, IDisposable
{
    private CancellationTokenSource? _running;

    /// <summary>The domain whose checkpoints are evaluated.</summary>
    [Parameter, EditorRequired] public IDomainModule Domain { get; set; } = null!;

    /// <summary>The domain's checkpoints, the served one first.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<ModelEntry> Entries { get; set; } = [];

    [Inject] private ModelEvaluations Evaluations { get; set; } = null!;

    private string? Model { get; set; }
    private string? Data { get; set; }
    private int Samples { get; set; } = 200;
    private int Limit { get; set; } = 1000;
    private bool Consistent { get; set; }
    private IReadOnlyList<string> DataSets { get; set; } = [];
    private IReadOnlyList<(string Name, string Value)> Figures { get; set; } = [];
    private bool Running => _running is not null;
    private string? Message { get; set; }
    private Severity MessageSeverity { get; set; } = Severity.Info;

    protected override void OnInitialized()
    {
        Model = Entries.FirstOrDefault()?.Name;
        DataSets = Evaluations.DataSets(Domain.Id);
    }

    private async Task EvaluateAsync()
    {
        using var running = new CancellationTokenSource();
        _running = running;
        Message = null;
        Figures = [];
        try
        {
            var result = await Evaluations.EvaluateAsync(new EvaluationRequest(Domain.Id, Data ?? "", Model, Samples, Limit, Consistent), running.Token);
            Figures = Flatten(result.ToJson()).ToList();
            (MessageSeverity, Message) = (Severity.Success, $"{Model} on {Data}: {result.Items} items, {result.Samples} prior samples.");
        }
        catch (OperationCanceledException)
        {
            (MessageSeverity, Message) = (Severity.Info, "Evaluation cancelled.");
        }
        catch (Exception e) when (e is ItemInputException or ModelUnavailableException or WorkerBusyException)
        {
            (MessageSeverity, Message) = (Severity.Warning, e.Message);
        }
        finally
        {
            _running = null;
        }
    }

    private void Cancel() => _running?.Cancel();

    /// <summary>Figures as rows; a nested object (property MAE, accuracy by kind) gives one row per leaf.</summary>
    private static IEnumerable<(string Name, string Value)> Flatten(IEnumerable<KeyValuePair<string, object?>> json, string prefix = "")
    {
        foreach (var (key, value) in json)
        {
            var name = prefix + key;
            IEnumerable<(string, string)> rows = value switch
            {
                IReadOnlyDictionary<string, double> figures => Flatten(figures.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value)), name + "."),
                IDictionary<string, IReadOnlyDictionary<string, double>> nested => Flatten(nested.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value)), name + "."),
                double d => [(name, double.IsFinite(d) ? d.ToString("0.0000", CultureInfo.InvariantCulture) : "-")],
                null => [(name, "-")],
                _ => [(name, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")],
            };
            foreach (var row in rows) yield return row;
        }
    }

    public void Dispose() => _running?.Cancel();
}
