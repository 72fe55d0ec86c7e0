using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music;

/// <summary>1 minus the token edit distance of two clips, normalised by the longer clip's token count.</summary>
public sealed class ClipSimilarity : ISimilarity
{
    private readonly ClipTokenizer _tokenizer = new();

    /// <inheritdoc/>
    public string Name => "1 - normalised token edit distance";

    /// <inheritdoc/>
    public double Compute(string a, string b) =>
        1 - TokenDistance.Normalized(_tokenizer.Tokenize(a).Tokens, _tokenizer.Tokenize(b).Tokens);
}
