using LatentWorkbench.Core.Domains;
using LatentWorkbench.Storage;
using LatentWorkbench.Web.Components.Shared;

namespace LatentWorkbench.Web.Components.Pages.Explore;

/// <summary>An interpolation as the Explore page (and the API, asked to save) runs and saves it.</summary>
public sealed record InterpolationRun(string From, string To, int Steps, string Method, string Decoding = "greedy", bool Smooth = false)
{
    /// <summary>The session's title: both ends named as the user knows them (<see cref="ItemChecks.NameOf"/>), shortened.</summary>
    public string Title(IDomainModule domain, IReadOnlyList<LibraryItem>? library, IReadOnlyDictionary<string, string>? names = null) =>
        $"{ItemChecks.NameOf(domain, From, library, names)} → {ItemChecks.NameOf(domain, To, library, names)}";
}
