namespace LatentWorkbench.Core.Domains;

/// <summary>
/// Razor component types that show and edit a domain's items, given as <see cref="Type"/>s so Core needs no ASP.NET
/// reference. The host renders each one wherever items appear, without knowing the domain.
/// </summary>
/// <param name="ItemPicture">
/// Draws one item (molecule depiction, piano roll, coloured sequence) on every card; takes <c>[Parameter] string Text</c>
/// and <c>[Parameter] IReadOnlyDictionary&lt;string, double&gt;? Properties</c>. A type that is not a component shows the text.
/// </param>
/// <param name="PropertyPanel">
/// Shows a valid item's properties in place of the host's generic list (on path, navigation and library cards); takes the
/// same two parameters as <paramref name="ItemPicture"/>. Null for the generic list.
/// </param>
/// <param name="ItemEditor">
/// Lets users write an item in place of the host's text field (Explore's A and B, Navigate's start, Library's new item),
/// bound both ways: takes <c>[Parameter] string Text</c> and <c>[Parameter] EventCallback&lt;string&gt; TextChanged</c>,
/// raised with the new text on each edit. The host still validates the text and offers samples and uploads beside it.
/// Null for the text field.
/// </param>
public sealed record DomainViews(Type ItemPicture, Type? PropertyPanel = null, Type? ItemEditor = null)
{
    /// <summary>
    /// Whether the item text is machine notation that users do not write by hand (music's event tokens): the host then
    /// leads with samples and files, and shows the text field only behind an "advanced" switch.
    /// </summary>
    public bool TextIsAdvanced { get; init; }
}
