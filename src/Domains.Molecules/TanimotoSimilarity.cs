using System.Collections.Concurrent;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules;

/// <summary>Tanimoto similarity of Morgan radius-2 (ECFP4) 2048-bit fingerprints; recent fingerprints are cached.</summary>
public sealed class TanimotoSimilarity : ISimilarity
{
    private const int CacheLimit = 4096;
    private readonly ConcurrentDictionary<string, Fingerprint?> _cache = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public string Name => "Tanimoto (ECFP4, 2048 bits)";

    /// <inheritdoc/>
    public double Compute(string a, string b)
    {
        if (FingerprintOf(a) is not { } fa || FingerprintOf(b) is not { } fb) return 0;
        return Fingerprint.Tanimoto(fa, fb);
    }

    private Fingerprint? FingerprintOf(string smiles)
    {
        if (_cache.TryGetValue(smiles, out var cached)) return cached;
        var parsed = Molecule.TryParse(smiles);
        var fingerprint = parsed.IsValid ? MorganFingerprint.Ecfp4(parsed.Molecule!) : null;
        if (_cache.Count >= CacheLimit) _cache.Clear();
        _cache[smiles] = fingerprint;
        return fingerprint;
    }
}
