using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using Microsoft.AspNetCore.Components;

namespace LatentWorkbench.Web.Components.Pages.Explore;

/// <summary>Explore: two items, the decoded path between them as cards with pictures, properties and badges.</summary>
public partial class Explore
{
    [Inject] private DomainRegistry Registry { get; set; } = default!;
    [Inject] private ModelHub Hub { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Domain id from the route (default: the first registered domain).</summary>
    [Parameter] public string? DomainId { get; set; }

    private IDomainModule Domain { get; set; } = default!;
    private string From { get; set; } = "";
    private string To { get; set; } = "";
    private ValidationResult FromCheck { get; set; } = ValidationResult.Valid("");
    private ValidationResult ToCheck { get; set; } = ValidationResult.Valid("");
    private int Steps { get; set; } = 8;
    private string Method { get; set; } = "slerp";
    private bool Busy { get; set; }
    private string? Message { get; set; }
    private IReadOnlyList<LatentPoint> Points { get; set; } = [];

    /// <summary>Whether the domain's picture type is a component (a broken plugin falls back to plain text).</summary>
    private bool HasPicture => typeof(IComponent).IsAssignableFrom(Domain.Views.ItemPicture);

    private bool CanRun => !Busy && From.Length > 0 && To.Length > 0 && FromCheck.IsValid && ToCheck.IsValid;

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        var next = DomainId is null ? Registry.Modules[0] : Registry.Find(DomainId) ?? Registry.Modules[0];
        if (Domain?.Id == next.Id) return;
        Domain = next;
        Points = [];
        Message = Hub.HasModel(Domain) ? null : $"{Domain.DisplayName} has no trained model yet.";
        var samples = Domain.Samples;
        SetFrom(samples.Count > 0 ? samples[0].Text : "");
        SetTo(samples.Count > 1 ? samples[1].Text : "");
    }

    private void SelectDomain(string id) => Navigation.NavigateTo($"explore/{id}");

    private void SetFrom(string text)
    {
        From = text ?? "";
        FromCheck = Check(From);
    }

    private void SetTo(string text)
    {
        To = text ?? "";
        ToCheck = Check(To);
    }

    private void PickSample(string text)
    {
        if (FromCheck.IsValid && From.Length > 0) SetTo(text);
        else SetFrom(text);
    }

    private ValidationResult Check(string text)
    {
        if (text.Length == 0) return ValidationResult.Valid("");
        var result = Domain.Validator.Validate(text);
        return result.IsValid || result.Position < 0 ? result : result with { Error = $"{result.Error} (position {result.Position})" };
    }

    private async Task InterpolateAsync()
    {
        Busy = true;
        Message = null;
        try
        {
            var worker = Hub.Get(Domain.Id);
            var method = Method == "lerp" ? InterpolationMethod.Lerp : InterpolationMethod.Slerp;
            Points = await worker.RunAsync(m => m.Interpolate(From, To, Steps, method));
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

    private static Dictionary<string, object?> PictureParameters(LatentPoint point) =>
        new() { ["Text"] = point.Text, ["Properties"] = point.Properties };
}
