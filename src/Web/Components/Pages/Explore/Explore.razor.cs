using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Components.Shared;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Web.Storage;
using Microsoft.AspNetCore.Components;

namespace LatentWorkbench.Web.Components.Pages.Explore;

/// <summary>Explore: two items, the decoded path between them as cards with pictures, properties and badges, a chart and exports.</summary>
public partial class Explore
{
    [Inject] private DomainRegistry Registry { get; set; } = default!;
    [Inject] private ModelHub Hub { get; set; } = default!;
    [Inject] private LibraryStore LibraryStore { get; set; } = default!;
    [Inject] private SessionStore Sessions { get; set; } = default!;

    /// <summary>Domain id from the route (default: the first registered domain).</summary>
    [Parameter] public string? DomainId { get; set; }

    /// <summary>Item A from the query string (e.g. sent from Navigate or the library).</summary>
    [SupplyParameterFromQuery(Name = "a")] public string? QueryA { get; set; }

    /// <summary>Item B from the query string.</summary>
    [SupplyParameterFromQuery(Name = "b")] public string? QueryB { get; set; }

    /// <summary>A saved session to reopen.</summary>
    [SupplyParameterFromQuery(Name = "session")] public long? QuerySession { get; set; }

    private IDomainModule Domain { get; set; } = default!;
    private string From { get; set; } = "";
    private string To { get; set; } = "";
    private int Steps { get; set; } = 8;
    private string Method { get; set; } = "slerp";
    private bool Busy { get; set; }
    private string? Message { get; set; }
    private long? SessionId { get; set; }
    private IReadOnlyList<LatentPoint> Points { get; set; } = [];
    private IReadOnlyList<LibraryItem> Library { get; set; } = [];

    private bool CanRun => !Busy && ItemChecks.IsUsable(Domain, From) && ItemChecks.IsUsable(Domain, To);

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        var next = DomainId is null ? Registry.Modules[0] : Registry.Find(DomainId) ?? Registry.Modules[0];
        if (Domain?.Id != next.Id)
        {
            Domain = next;
            Points = [];
            SessionId = null;
            Library = LibraryStore.List(Domain.Id);
            Message = Hub.HasModel(Domain) ? null : $"{Domain.DisplayName} has no trained model yet.";
            var samples = Domain.Samples;
            From = samples.Count > 0 ? samples[0].Text : "";
            To = samples.Count > 1 ? samples[1].Text : "";
        }
        if (QueryA is { Length: > 0 }) From = QueryA;
        if (QueryB is { Length: > 0 }) To = QueryB;
        if (QuerySession is { } id && id != SessionId) Reopen(id);
    }

    private void Reopen(long id)
    {
        if (Sessions.Get(id) is not { Kind: SessionStore.Interpolation } session || session.Domain != Domain.Id)
        {
            Message = $"There is no saved {Domain.DisplayName} interpolation with id {id}.";
            return;
        }
        var request = SessionStore.RequestOf<InterpolationRun>(session)!;
        (From, To, Steps, Method) = (request.From, request.To, request.Steps, request.Method);
        Points = SessionStore.ResultOf<LatentPoint[]>(session) ?? [];
        SessionId = id;
    }

    private void SetFrom(string text) => From = text;

    private void SetTo(string text) => To = text;

    private void SetSteps(int steps) => Steps = steps;

    private void SetMethod(string method) => Method = method;

    private async Task InterpolateAsync()
    {
        Busy = true;
        Message = null;
        try
        {
            var run = new InterpolationRun(From, To, Steps, Method);
            var method = Method == "lerp" ? InterpolationMethod.Lerp : InterpolationMethod.Slerp;
            Points = await Hub.Get(Domain.Id).RunAsync(m => m.Interpolate(run.From, run.To, run.Steps, method));
            SessionId = Sessions.Save(SessionStore.Interpolation, Domain.Id, $"{ItemChecks.Short(From)} → {ItemChecks.Short(To)}", run, Points).Id;
        }
        catch (Exception e) when (e is ItemInputException or ModelUnavailableException or ArgumentException or InvalidDataException)
        {
            Message = e.Message;
        }
        finally
        {
            Busy = false;
        }
    }

    private void AddToLibrary(LatentPoint point)
    {
        LibraryStore.Add(Domain.Id, point.Text, tags: ["from explore"]);
        Library = LibraryStore.List(Domain.Id);
        Message = null;
    }
}
