namespace LatentWorkbench.Core.Domains;

/// <summary>
/// Razor component types that show a domain's items. Given as <see cref="Type"/>s so Core needs no ASP.NET
/// reference; each component takes a <c>[Parameter] public string Text</c> (the item) and may take
/// <c>[Parameter] public IReadOnlyDictionary&lt;string, double&gt;? Properties</c>.
/// </summary>
/// <param name="ItemPicture">Draws one item (molecule depiction, piano roll, coloured sequence).</param>
/// <param name="PropertyPanel">Shows an item's properties, or <c>null</c> for the host's generic table.</param>
/// <param name="ItemEditor">Lets users type or upload an item, or <c>null</c> for the host's text field.</param>
public sealed record DomainViews(Type ItemPicture, Type? PropertyPanel = null, Type? ItemEditor = null);
