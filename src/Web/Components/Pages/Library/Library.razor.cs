using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Components.Shared;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace LatentWorkbench.Web.Components.Pages.Library;

/// <summary>
/// Library: a domain's saved items with tags and properties; add, import, search by name, tag or structure, export; share
/// one's own items with the lab. Editors add, import, share and remove; viewers browse.
/// </summary>
public partial class Library : WorkbenchPage
{
    /// <summary>Items drawn at once (the count shows them all).</summary>
    public const int MaxShown = 60;

    [Inject] private DomainRegistry Registry { get; set; } = default!;
    [Inject] private LibraryStore Store { get; set; } = default!;
    [Inject] private LibrarySearch Finder { get; set; } = default!;
    [Inject] private LibraryImporter Importer { get; set; } = default!;

    /// <summary>Domain id from the route.</summary>
    [Parameter] public string? DomainId { get; set; }

    private IDomainModule Domain { get; set; } = default!;
    private IReadOnlyList<LibraryItem> Items { get; set; } = [];
    private string NewText { get; set; } = "";
    private string? NewName { get; set; }
    private string? NewTags { get; set; }
    private string? Query { get; set; }
    private string? Pattern { get; set; }

    /// <summary>Whether <see cref="Items"/> holds a search's results rather than the whole library.</summary>
    private bool Searched { get; set; }
    private string? Message { get; set; }
    private Severity MessageSeverity { get; set; } = Severity.Info;

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        var next = DomainId is null ? Registry.Modules[0] : Registry.Find(DomainId) ?? Registry.Modules[0];
        if (Domain?.Id == next.Id) return;
        Domain = next;
        (Query, Pattern, Message, Searched) = (null, null, null, false);
        Items = Store.List(Access, Domain.Id);
    }

    /// <summary>What an empty list means, and how to fill it.</summary>
    private string EmptyNote => Searched
        ? $"No item of the {Domain.DisplayName} library matches this search."
        : $"The {Domain.DisplayName} library is empty. " + (CanEditLibrary
            ? $"Add an item above{(Domain.Files is { } files ? $", import a file ({string.Join(", ", files.Extensions)})" : "")}, or keep items from Explore and Navigate with \"To library\". From a terminal: latent library import --domain {Domain.Id} --file FILE."
            : "Items that editors add will show here.");

    private void SetNewText(string text) => NewText = text;

    private void Add()
    {
        if (!CanEditLibrary) return;
        var tags = (NewTags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var item = Store.Add(Access, Domain.Id, NewText, NewName, tags);
            Show($"Added {item.Name}.", Severity.Success);
            (NewText, NewName, NewTags) = ("", null, null);
            Items = Store.List(Access, Domain.Id);
        }
        catch (ItemInputException e)
        {
            Show(e.Message, Severity.Error);
        }
    }

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        if (!CanEditLibrary) return;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = e.File.OpenReadStream(ItemInput.MaxUploadBytes)) await stream.CopyToAsync(buffer);
            var report = Importer.Import(Access, Domain.Id, e.File.Name, buffer.ToArray());
            Show($"Imported {report.Added} item(s) from {e.File.Name}." + (report.Problems.Count > 0 ? $" Skipped: {string.Join("; ", report.Problems)}" : ""),
                report.Problems.Count > 0 ? Severity.Warning : Severity.Success);
            Items = Store.List(Access, Domain.Id);
        }
        catch (Exception error) when (error is ItemInputException or IOException)
        {
            Show(error.Message, Severity.Error);
        }
    }

    private void Search()
    {
        try
        {
            Items = Finder.Find(Access, Domain.Id, Query, Pattern);
            Searched = !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrWhiteSpace(Pattern);
            Message = null;
        }
        catch (ItemInputException e)
        {
            Show(e.Message, Severity.Error);
        }
    }

    private void Remove(LibraryItem item)
    {
        if (!Store.Remove(Access, Domain.Id, item.Id)) return;
        Items = Items.Where(i => i.Id != item.Id).ToList();
    }

    private void Share(LibraryItem item, bool shared)
    {
        if (!Store.SetShared(Access, Domain.Id, item.Id, shared)) return;
        Items = Items.Select(i => i.Id == item.Id ? i with { Shared = shared } : i).ToList();
    }

    // A signed-in user's own items show whether they are shared; without sign-in everything is the lab's.
    private bool Owns(LibraryItem item) => Caller.UserId is not null && item.Owner == Caller.UserId;

    private void Show(string message, Severity severity) => (Message, MessageSeverity) = (message, severity);
}
