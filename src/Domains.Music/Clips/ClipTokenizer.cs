using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>Splits clip text at spaces into tokens of <see cref="ClipVocabulary"/> and joins them back.</summary>
public sealed class ClipTokenizer : ITokenizer
{
    /// <inheritdoc />
    public TokenizeResult Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            string token = text[start..i];
            if (ClipVocabulary.Classify(token).Kind == ClipTokenKind.Invalid)
            {
                return TokenizeResult.Fail($"unknown token '{token}'", start);
            }
            tokens.Add(token);
        }
        return new TokenizeResult(tokens);
    }

    /// <inheritdoc />
    public string Detokenize(IReadOnlyList<string> tokens) => string.Join(' ', tokens);
}
