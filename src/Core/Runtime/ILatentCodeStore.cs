using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Core.Runtime;

/// <summary>
/// Codes of one model kept across restarts (the web app keeps them in its database), behind a worker's in-memory
/// <see cref="LatentCodeCache"/>. A worker reads and writes it only for encode requests that ask for their codes to be
/// kept (<see cref="ModelWorker.TryEncodeAsync"/> with <c>keep</c>: the library's items). It is a cache: a failure to
/// read or write it costs an encode, never an answer.
/// </summary>
public interface ILatentCodeStore
{
    /// <summary>The kept codes of those of <paramref name="canonical"/> (canonical item texts) that have one.</summary>
    IReadOnlyDictionary<string, LatentCode> Find(IReadOnlyCollection<string> canonical);

    /// <summary>Keeps <paramref name="codes"/> (canonical item text, code).</summary>
    void Keep(IReadOnlyList<(string Canonical, LatentCode Code)> codes);
}
