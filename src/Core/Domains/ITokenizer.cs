namespace LatentWorkbench.Core.Domains;

/// <summary>
/// Splits item text into tokens (strings) and joins them back. The vocabulary mapping tokens to ids is built by
/// Core from training data (<see cref="LatentWorkbench.Core.Models.Vocabulary"/>) and saved with the model.
/// </summary>
public interface ITokenizer
{
    /// <summary>Tokens of <paramref name="text"/>; fails with a message naming the unreadable part and its position.</summary>
    TokenizeResult Tokenize(string text);

    /// <summary>Text made of <paramref name="tokens"/> (the inverse of <see cref="Tokenize"/>).</summary>
    string Detokenize(IReadOnlyList<string> tokens);
}

/// <summary>Outcome of tokenizing: the tokens, or an error with the character position where it happened.</summary>
public sealed record TokenizeResult(IReadOnlyList<string> Tokens, string? Error = null, int ErrorPosition = -1)
{
    /// <summary><c>true</c> when the text could be tokenized.</summary>
    public bool Ok => Error is null;

    /// <summary>A failed result.</summary>
    public static TokenizeResult Fail(string error, int position) => new([], error, position);
}
