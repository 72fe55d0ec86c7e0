using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Components.Shared;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components;

namespace LatentWorkbench.Web.Components.Pages.Explore;

/// <summary>Explore: two items, the decoded path between them as cards with pictures, properties and badges, a chart and exports.</summary>
public partial class Explore : DomainPage
{
    /// <summary>Item A from the query string (e.g. sent from Navigate or the library).</summary>
    [SupplyParameterFromQuery(Name = "a")] public string? QueryA { get; set; }

    /// <summary>Item B from the query string.</summary>
    [SupplyParameterFromQuery(Name = "b")] public string? QueryB { get; set; }

    /// <summary>A saved session to reopen.</summary>
    [SupplyParameterFromQuery(Name = "session")] public long? QuerySession { get; set; }

    private string From { get; set; } = "";
    private string To { get; set; } = "";
    private int Steps { get; set; } = 8;
    private string Method { get; set; } = "slerp";
    private string Decoding { get; set; } = "greedy";

    private double Radius { get; set; } = 0.5;

    // Items decoded by "Sample around A", and the most a user may ask for in one go.
    private int AroundCount { get; set; } = 8;
    private const int MaxAround = 50;
    private bool Smooth { get; set; }
    private bool Busy { get; set; }
    private IReadOnlyList<LatentPoint> Points { get; set; } = [];

    /// <summary>What <see cref="Points"/> are: the path from A to B, samples around A, or A moved along an attribute.</summary>
    private ResultKind Shown { get; set; }

    // "Move A": the attribute and amount chosen, and those of the walk shown (for its captions).
    private string MoveAttribute { get; set; } = "";
    private double MoveAmount { get; set; } = 1;
    private const double MaxMoveAmount = 5;
    private (string Name, double Amount) Moved { get; set; }

    /// <summary>The saved path that "Play the path" plays: one the domain can hear, with a valid point.</summary>
    private long? PlayableSession => Domain.Audio is not null && Shown == ResultKind.Path && Points.Any(p => p.Valid) ? SessionId : null;

    /// <summary>A card's caption: its place on the path, its number among the samples, or how far along the attribute it is.</summary>
    private string CaptionOf(LatentPoint point) => Shown switch
    {
        ResultKind.Around => $"sample {point.T + 1:0}",
        ResultKind.Move => $"{Moved.Name} {(point.T * Moved.Amount).ToString("+0.0#;-0.0#;0", System.Globalization.CultureInfo.InvariantCulture)}",
        _ => $"t = {point.T:0.00}",
    };

    /// <summary>The chart's title.</summary>
    private string ChartTitle => Shown switch
    {
        ResultKind.Around => "Around A",
        ResultKind.Move => $"Along {Moved.Name}",
        _ => "Along the path",
    };

    /// <summary>
    /// Per point, the seconds it spans in the path's audio (valid points play one after another; invalid ones are
    /// skipped and get null); empty when the domain does not say how long its items last.
    /// </summary>
    private IReadOnlyList<PlaySpan?> Playhead { get; set; } = [];

    private bool CanRun => !Busy && ItemChecks.IsUsable(Domain, From) && ItemChecks.IsUsable(Domain, To);

    private bool CanSampleAround => !Busy && ItemChecks.IsUsable(Domain, From);

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        if (QueryA is { Length: > 0 }) From = QueryA;
        if (QueryB is { Length: > 0 }) To = QueryB;
        if (QuerySession is { } id && id != SessionId) Reopen(id);
    }

    /// <inheritdoc/>
    private protected override void OnDomainChanged()
    {
        Points = [];
        Playhead = [];
        // The default pair contrasts: B is the first sample that shares no tag with A (jazz to classical), else the second.
        var samples = Domain.Samples;
        From = samples.Count > 0 ? samples[0].Text : "";
        To = samples.Skip(1).FirstOrDefault(s => samples[0].Tags.Count > 0 && !s.Tags.Intersect(samples[0].Tags).Any())?.Text
            ?? (samples.Count > 1 ? samples[1].Text : "");
        MoveAttribute = Domain.Attributes.FirstOrDefault()?.Key ?? "";
    }

    private void Reopen(long id)
    {
        if (OpenSession(SessionStore.Interpolation, id) is not { } session) return;
        var request = SessionStore.RequestOf<InterpolationRun>(session)!;
        (From, To, Steps, Method, Decoding, Smooth) = (request.From, request.To, request.Steps, request.Method, request.Decoding, request.Smooth);
        Points = SessionStore.ResultOf<LatentPoint[]>(session) ?? [];
        Shown = ResultKind.Path;
        Playhead = PlaySpan.Of(Domain, Points);
    }

    private void SetFrom(string text) => From = text;

    /// <summary>A point's place in the path's audio, in seconds from its start.</summary>
    private sealed record PlaySpan(double Start, double End)
    {
        public static IReadOnlyList<PlaySpan?> Of(IDomainModule domain, IReadOnlyList<LatentPoint> points)
        {
            if (domain.Audio is not { } audio) return [];
            var spans = new List<PlaySpan?>();
            double at = 0;
            foreach (var point in points)
            {
                if (!point.Valid) { spans.Add(null); continue; }
                if (audio.Seconds(point.Text) is not { } seconds) return [];
                spans.Add(new PlaySpan(at, at + seconds));
                at += seconds;
            }
            return spans;
        }
    }

    private void SetTo(string text) => To = text;

    private void SetSteps(int steps) => Steps = steps;

    private void SetMethod(string method) => Method = method;

    private void SetDecoding(string decoding) => Decoding = decoding;

    private void SetSmooth(bool smooth) => Smooth = smooth;

    private void SetRadius(double radius) => Radius = radius;

    private void SetAroundCount(int count) => AroundCount = Math.Clamp(count, 1, MaxAround);

    private void SetMoveAttribute(string key) => MoveAttribute = key;

    private void SetMoveAmount(double amount) => MoveAmount = double.IsFinite(amount) ? Math.Clamp(amount, -MaxMoveAmount, MaxMoveAmount) : 1;

    private Task InterpolateAsync() => RunAsync(async () =>
    {
        var run = new InterpolationRun(From, To, Steps, Method, Decoding, Smooth);
        var method = Interpolation.Named(Method);
        var decoding = DecodeOptions.Named(Decoding);
        Points = await Hub.Get(Domain.Id).InterpolateAsync(new PathRequest(run.From, run.To, run.Steps, method, decoding, run.Smooth));
        Shown = ResultKind.Path;
        SessionId = Sessions.Save(Access, SessionStore.Interpolation, Domain.Id, run.Title(Domain, Library, ItemNames), run, Points).Id;
        Playhead = PlaySpan.Of(Domain, Points);
    });

    // Samples around A are shown like a path but not saved as an interpolation session.
    private Task SampleAroundAsync() => RunAsync(async () =>
    {
        var (item, count, radius, decoding) = (From, AroundCount, Radius, DecodeOptions.Named(Decoding));
        Points = await Hub.Get(Domain.Id).RunAsync(m => m.SampleAround(item, count, radius, options: decoding));
        Shown = ResultKind.Around;
        Playhead = [];
        SessionId = null;
    });

    // A moved along an attribute vector (MusicVAE's attribute arithmetic): shown like samples, not saved as a session.
    private Task MoveAsync() => RunAsync(async () =>
    {
        var (item, key, amount) = (From, MoveAttribute, MoveAmount);
        Points = await Hub.Get(Domain.Id).RunAsync(m => m.MoveAlong(item, key, amount));
        Moved = (Domain.Attributes.FirstOrDefault(a => a.Key == key)?.Name ?? key, amount);
        Shown = ResultKind.Move;
        Playhead = [];
        SessionId = null;
    });

    private async Task RunAsync(Func<Task> run)
    {
        Busy = true;
        Message = null;
        try
        {
            await run();
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

    private void AddToLibrary(LatentPoint point) => AddToLibrary(point.Text, "from explore");

    private enum ResultKind { Path, Around, Move }
}
