using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Molecules.Smiles;

/// <summary>
/// Atom-level SMILES tokens: bracket atoms whole (<c>[nH]</c>, <c>[C@@H]</c>), two-letter organic atoms (Cl, Br),
/// single-letter atoms, bonds, branches, ring closures (digits and <c>%nn</c>) and the dot.
/// </summary>
public sealed class SmilesTokenizer : ITokenizer
{
    private const string SingleAtoms = "BCNOPSFIbcnops*";
    private const string Symbols = "()=#-+/\\:.~$";

    /// <inheritdoc/>
    public TokenizeResult Tokenize(string text)
    {
        var tokens = new List<string>(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '[')
            {
                var end = text.IndexOf(']', i + 1);
                if (end < 0) return TokenizeResult.Fail($"unclosed bracket atom opened at position {i}", i);
                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else if (c == 'C' && i + 1 < text.Length && text[i + 1] == 'l') { tokens.Add("Cl"); i += 2; }
            else if (c == 'B' && i + 1 < text.Length && text[i + 1] == 'r') { tokens.Add("Br"); i += 2; }
            else if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiDigit(text[i + 1]) || !char.IsAsciiDigit(text[i + 2]))
                    return TokenizeResult.Fail($"'%' at position {i} must be followed by two digits", i);
                tokens.Add(text.Substring(i, 3));
                i += 3;
            }
            else if (char.IsAsciiDigit(c) || SingleAtoms.Contains(c) || Symbols.Contains(c)) { tokens.Add(c.ToString()); i++; }
            else return TokenizeResult.Fail($"unexpected character '{c}' at position {i}", i);
        }
        return new TokenizeResult(tokens);
    }

    /// <inheritdoc/>
    public string Detokenize(IReadOnlyList<string> tokens) => string.Concat(tokens);
}
