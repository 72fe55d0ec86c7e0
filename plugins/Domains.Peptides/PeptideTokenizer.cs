using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Peptides;

/// <summary>One token per residue (one-letter codes, upper case).</summary>
public sealed class PeptideTokenizer : ITokenizer
{
    /// <inheritdoc/>
    public TokenizeResult Tokenize(string text)
    {
        var tokens = new string[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (AminoAcids.Find(text[i]) is null) return TokenizeResult.Fail(PeptideValidator.Explain(text[i], i), i);
            tokens[i] = text[i].ToString();
        }
        return new TokenizeResult(tokens);
    }

    /// <inheritdoc/>
    public string Detokenize(IReadOnlyList<string> tokens) => string.Concat(tokens);
}
