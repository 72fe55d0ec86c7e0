using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music;

/// <summary>1 minus the token edit distance of two clips, normalised by the longer clip's token count.</summary>
public sealed class ClipSimilarity : ISimilarity
{
    private readonly ClipTokenizer _tokenizer = new();

    /// <inheritdoc/>
    public string Name => "1 - normalised token edit distance";

    /// <inheritdoc/>
    public double Compute(string a, string b)
    {
        var x = _tokenizer.Tokenize(a).Tokens;
        var y = _tokenizer.Tokenize(b).Tokens;
        if (x.Count == 0 && y.Count == 0) return 1;
        var previous = new int[y.Count + 1];
        var current = new int[y.Count + 1];
        for (int j = 0; j <= y.Count; j++) previous[j] = j;
        for (int i = 1; i <= x.Count; i++)
        {
            current[0] = i;
            for (int j = 1; j <= y.Count; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[y.Count] / Math.Max(x.Count, y.Count);
    }
}
