using LatentWorkbench.Core.Domains;

namespace LabPlugin;

/// <summary>One token per letter.</summary>
public sealed class LabTokenizer : ITokenizer
{
    /// <inheritdoc/>
    public TokenizeResult Tokenize(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (!Alphabet.Letters.Contains(text[i])) return TokenizeResult.Fail($"'{text[i]}' at position {i + 1} is not one of {Alphabet.Letters}.", i);
        return new TokenizeResult(text.Select(c => c.ToString()).ToArray());
    }

    /// <inheritdoc/>
    public string Detokenize(IReadOnlyList<string> tokens) => string.Concat(tokens);
}
