using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Components.Shared;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components;

namespace LatentWorkbench.Web.Components.Pages.Navigate;

/// <summary>
/// Navigate: steer a start item toward an objective under a similarity constraint. The trajectory's own decodes come
/// first (a quick pass), then the neighbourhood samples refine the candidates; both appear as they finish.
/// </summary>
public partial class Navigate : DomainPage, IDisposable
{
    /// <summary>Candidates shown.</summary>
    public const int MaxShown = 12;

    /// <summary>Neighbourhood samples per trajectory point in the second pass.</summary>
    public const int SamplesPerStep = 4;

    private CancellationTokenSource? _cancel;
    private int _checked;

    /// <summary>Start item from the query string (e.g. sent from the library).</summary>
    [SupplyParameterFromQuery(Name = "start")] public string? QueryStart { get; set; }

    /// <summary>A saved navigation to reopen.</summary>
    [SupplyParameterFromQuery(Name = "session")] public long? QuerySession { get; set; }

    private string Start { get; set; } = "";
    private string Property { get; set; } = "";
    private string Direction { get; set; } = "max";
    private double Target { get; set; }
    private double MinSimilarity { get; set; } = 0.3;
    private int Steps { get; set; } = 20;
    private bool Busy { get; set; }
    private string? Progress { get; set; }
    private NavigationResult? Result { get; set; }

    /// <summary>Properties and attributes usable as objectives, by key.</summary>
    private IReadOnlyList<(string Key, string Name)> Objectives => Domain.Properties.Definitions.Select(d => (d.Key, d.Name))
        .Concat(Domain.Attributes.Select(a => (a.Key, a.Name))).DistinctBy(o => o.Key).ToList();

    private bool CanRun => !Busy && ItemChecks.IsUsable(Domain, Start) && Property.Length > 0;

    /// <summary>The objective as the CLI writes it, e.g. <c>qed:max</c> or <c>logp:2.5</c>.</summary>
    private string Objective => Direction == "target"
        ? $"{Property}:{Target.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : $"{Property}:{Direction}";

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        if (QueryStart is { Length: > 0 }) Start = QueryStart;
        if (QuerySession is { } id && id != SessionId) Reopen(id);
    }

    /// <inheritdoc/>
    private protected override void OnDomainChanged()
    {
        Result = null;
        Start = Domain.Samples.Count > 0 ? Domain.Samples[0].Text : "";
        var better = Domain.Properties.Definitions.FirstOrDefault(d => d.Better != Better.Neither);
        Property = better?.Key ?? Objectives.FirstOrDefault().Key ?? "";
        Direction = better?.Better == Better.Lower ? "min" : "max";
    }

    private void Reopen(long id)
    {
        if (OpenSession(SessionStore.Navigation, id) is not { } session) return;
        var run = SessionStore.RequestOf<NavigationRun>(session)!;
        (Start, Property, Direction, Target, MinSimilarity, Steps) = (run.Start, run.Property, run.Direction, run.Target, run.MinSimilarity, run.Steps);
        Result = SessionStore.ResultOf<NavigationResult>(session);
    }

    private void SetStart(string text) => Start = text;

    private async Task NavigateAsync()
    {
        _cancel = new CancellationTokenSource();
        Busy = true;
        Message = null;
        Result = null;
        _checked = 0;
        try
        {
            var terms = ObjectiveParser.Parse(Objective);
            var worker = Hub.Get(Domain.Id);
            var quick = new NavigationRequest(Start, terms, MinSimilarity, new AscentSettings(Steps: Steps), SamplesPerStep: 0, Accept: Counted);
            Progress = "Decoding the trajectory...";
            Result = await worker.NavigateAsync(quick, _cancel.Token);
            Progress = $"Trajectory done ({Result.Candidates.Count} candidates); sampling around it...";
            StateHasChanged();
            Result = await worker.NavigateAsync(quick with { SamplesPerStep = SamplesPerStep }, _cancel.Token);
            Progress = $"Done: {_checked} candidates checked, {Result.Candidates.Count} meet the constraints.";
            var run = new NavigationRun(Start, Property, Direction, Target, MinSimilarity, Steps);
            SessionId = Sessions.Save(Access, SessionStore.Navigation, Domain.Id, $"{Objective} from {ItemChecks.NameOf(Domain, Start, Library, ItemNames)}", run, Result with { Objective = Objective }).Id;
        }
        catch (OperationCanceledException)
        {
            Progress = "Cancelled.";
        }
        catch (Exception e) when (ItemInputException.IsItemError(e) || e is ModelUnavailableException or WorkerBusyException)
        {
            Message = e.Message;
            Progress = null;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Accepts every candidate and counts it; runs on the model worker's thread.</summary>
    private bool Counted(LatentPoint point)
    {
        if (Interlocked.Increment(ref _checked) % 16 == 0)
        {
            Progress = $"Checking candidates: {_checked}...";
            _ = InvokeAsync(StateHasChanged);
        }
        return true;
    }

    private void Cancel() => _cancel?.Cancel();

    private string ExploreUrl(string candidate, bool asA) => asA
        ? $"explore/{Domain.Id}?a={Uri.EscapeDataString(candidate)}&b={Uri.EscapeDataString(Start)}"
        : $"explore/{Domain.Id}?a={Uri.EscapeDataString(Start)}&b={Uri.EscapeDataString(candidate)}";

    private void AddToLibrary(LatentPoint point)
    {
        AddToLibrary(point.Text, "from navigate", Objective);
        Progress = $"Added {ItemChecks.Short(point.Text)} to the library.";
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _cancel?.Cancel();
        _cancel?.Dispose();
    }
}
