using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Services;

/// <summary>Library search: a name or tag part in SQL, then a structure pattern where the domain offers one (<see cref="IDomainModule.StructureSearch"/>).</summary>
public sealed class LibrarySearch(LibraryStore store, DomainRegistry registry)
{
    /// <summary>
    /// Items of <paramref name="domainId"/> that <paramref name="access"/> sees, matching both filters (each optional). Throws <see cref="ItemInputException"/>
    /// when a pattern is given for a domain without structure search or cannot be read.
    /// </summary>
    public IReadOnlyList<LibraryItem> Find(ItemAccess access, string domainId, string? nameOrTag, string? pattern)
    {
        var domain = registry.Get(domainId);
        var items = store.List(access, domain.Id, nameOrTag);
        if (string.IsNullOrWhiteSpace(pattern)) return items;
        if (domain.StructureSearch is not { } search) throw new ItemInputException($"{domain.DisplayName} items cannot be searched by structure.");
        Func<string, bool> matches;
        try
        {
            matches = search.Compile(pattern.Trim());
        }
        catch (FormatException e)
        {
            throw new ItemInputException(e.Message);
        }
        return items.Where(i => matches(i.Text)).ToList();
    }
}
