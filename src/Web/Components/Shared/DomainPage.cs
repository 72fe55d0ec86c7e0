using LatentWorkbench.Core.Domains;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components;

namespace LatentWorkbench.Web.Components.Shared;

/// <summary>
/// A page about one domain (route <c>.../{DomainId}</c>, default the first module) that runs the model and saves its runs
/// as sessions: it tracks the domain, the domain's library items for the pickers, a message, and the session shown.
/// </summary>
public abstract class DomainPage : WorkbenchPage
{
    [Inject] private protected DomainRegistry Registry { get; set; } = default!;
    [Inject] private protected ModelHub Hub { get; set; } = default!;
    [Inject] private protected LibraryStore LibraryStore { get; set; } = default!;
    [Inject] private protected SessionStore Sessions { get; set; } = default!;

    /// <summary>Domain id from the route.</summary>
    [Parameter] public string? DomainId { get; set; }

    private protected IDomainModule Domain { get; private set; } = default!;
    private protected IReadOnlyList<LibraryItem> Library { get; set; } = [];
    private protected string? Message { get; set; }
    private protected long? SessionId { get; set; }

    // Names the page's inputs reported for items (a part of an uploaded file), by text, for session titles.
    private readonly Dictionary<string, string> _itemNames = new(StringComparer.Ordinal);

    /// <summary>Keeps the name an input reported for an item (its <c>Named</c> callback).</summary>
    private protected void Remember(SampleItem item) => _itemNames[item.Text] = item.Name;

    /// <summary>Names the page's inputs reported, by item text (see <see cref="ItemChecks.NameOf"/>).</summary>
    private protected IReadOnlyDictionary<string, string> ItemNames => _itemNames;

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        var next = DomainId is null ? Registry.Modules[0] : Registry.Find(DomainId) ?? Registry.Modules[0];
        if (Domain?.Id == next.Id) return;
        Domain = next;
        SessionId = null;
        Library = LibraryStore.List(Access, Domain.Id);
        Message = Hub.HasModel(Domain) ? null : $"{Domain.DisplayName} has no trained model yet.";
        OnDomainChanged();
    }

    /// <summary>Resets the page's own state for the new <see cref="Domain"/>.</summary>
    private protected abstract void OnDomainChanged();

    /// <summary>The saved session <paramref name="id"/> when it is of <paramref name="kind"/> and this domain; else null and a message.</summary>
    private protected SavedSession? OpenSession(string kind, long id)
    {
        if (Sessions.Get(Access, id) is { } session && session.Kind == kind && session.Domain == Domain.Id)
        {
            SessionId = id;
            return session;
        }
        Message = $"There is no saved {Domain.DisplayName} {kind} with id {id}.";
        return null;
    }

    /// <summary>Adds a valid item to the library (when the caller may) and refreshes the pickers.</summary>
    private protected void AddToLibrary(string text, params string[] tags)
    {
        if (!CanEditLibrary) return;
        LibraryStore.Add(Access, Domain.Id, text, tags: tags);
        Library = LibraryStore.List(Access, Domain.Id);
    }
}
