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
        foreach (var (token, start) in Scan(text))
        {
            if (ClipVocabulary.Classify(token).Kind == ClipTokenKind.Invalid)
            {
                return TokenizeResult.Fail($"unknown token '{token}'", start);
            }
            tokens.Add(token);
        }
        return new TokenizeResult(tokens);
    }

    /// <summary>Whitespace-separated tokens of <paramref name="text"/> with the index where each starts.</summary>
    public static IEnumerable<(string Token, int Start)> Scan(string text)
    {
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
            yield return (text[start..i], start);
        }
    }

    /// <inheritdoc />
    public string Detokenize(IReadOnlyList<string> tokens) => string.Join(' ', tokens);
}
