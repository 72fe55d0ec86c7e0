using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Storage;

/// <summary>Reads an uploaded file with the domain's <see cref="IDomainModule.Files"/> and adds each valid item to the library.</summary>
public sealed class LibraryImporter(LibraryStore store, DomainRegistry registry)
{
    /// <summary>Most problems listed in a report.</summary>
    public const int MaxProblems = 20;

    /// <summary>Most items one file may add; a larger file is refused before anything is added.</summary>
    public const int MaxItemsPerFile = 2000;

    /// <summary>
    /// Adds the items of <paramref name="content"/>, owned by <paramref name="access"/>'s user; invalid ones are reported
    /// by name, not added. Throws
    /// <see cref="ItemInputException"/> when the domain reads no files or the file cannot be read at all.
    /// </summary>
    public ImportReport Import(ItemAccess access, string domainId, string fileName, byte[] content)
    {
        var domain = registry.Get(domainId);
        if (domain.Files is not { } files) throw new ItemInputException($"{domain.DisplayName} items cannot be imported from files.");
        IReadOnlyList<SampleItem> items;
        try
        {
            items = files.ReadAll(fileName, content);
        }
        catch (InvalidDataException e)
        {
            throw new ItemInputException(e.Message);
        }
        if (items.Count > MaxItemsPerFile)
            throw new ItemInputException($"'{Path.GetFileName(fileName)}' holds {items.Count} items; one import adds at most {MaxItemsPerFile}. Split the file.");
        int added = 0;
        var problems = new List<string>();
        foreach (var item in items)
        {
            try
            {
                store.Add(access, domain.Id, item.Text, item.Name, [.. item.Tags, Path.GetFileName(fileName)]);
                added++;
            }
            catch (ItemInputException e)
            {
                if (problems.Count < MaxProblems) problems.Add($"{item.Name}: {e.Message}");
            }
        }
        return new ImportReport(added, problems);
    }
}
