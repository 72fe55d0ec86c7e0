using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Domains;

/// <summary>
/// A ready-made <see cref="ISimilarity"/> for text items compared letter by letter: one minus the Levenshtein
/// distance divided by the longer length (1 for identical items, 0 when every position must change).
/// </summary>
public sealed class EditDistanceSimilarity : ISimilarity
{
    /// <inheritdoc/>
    public string Name => "1 - normalised edit distance";

    /// <inheritdoc/>
    public double Compute(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return 1 - TokenDistance.Normalized(a.ToCharArray(), b.ToCharArray());
    }
}
