using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Services;

/// <summary>One model's codes in the database (<see cref="LatentCodeStore"/>), as a model worker keeps them.</summary>
internal sealed class DatabaseCodeStore(LatentCodeStore store, string model) : ILatentCodeStore
{
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, LatentCode> Find(IReadOnlyCollection<string> canonical) => store.Find(model, canonical);

    /// <inheritdoc/>
    public void Keep(IReadOnlyList<(string Canonical, LatentCode Code)> codes) => store.Keep(model, codes);
}
