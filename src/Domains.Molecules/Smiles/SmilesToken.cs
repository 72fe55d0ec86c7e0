namespace LatentWorkbench.Domains.Molecules.Smiles;

/// <summary>What a SMILES token is, for the decoding constraint.</summary>
internal enum SmilesTokenKind { Special, Atom, Bond, BranchOpen, BranchClose, Ring, Other }

/// <summary>A classified vocabulary token: its kind, an atom's valence budget, a bond's order, a ring label.</summary>
internal readonly record struct SmilesToken(SmilesTokenKind Kind, int Valence = 0, int Order = 0, int Label = 0)
{
    private static readonly Dictionary<string, int> Organic = new(StringComparer.Ordinal)
    {
        ["B"] = 3, ["C"] = 4, ["N"] = 3, ["O"] = 2, ["P"] = 5, ["S"] = 6, ["F"] = 1, ["Cl"] = 1, ["Br"] = 1, ["I"] = 1,
        ["b"] = 3, ["c"] = 4, ["n"] = 3, ["o"] = 2, ["p"] = 3, ["s"] = 4,
    };

    /// <summary>Classifies one token string.</summary>
    public static SmilesToken Classify(string token)
    {
        if (token.Length == 0 || token[0] == '<') return new(SmilesTokenKind.Special);
        if (Organic.TryGetValue(token, out var valence)) return new(SmilesTokenKind.Atom, valence);
        if (token[0] == '[') return new(SmilesTokenKind.Atom, BracketValence(token));
        if (token[0] == '%' && token.Length == 3) return new(SmilesTokenKind.Ring, Label: int.Parse(token[1..]));
        if (token.Length == 1 && char.IsAsciiDigit(token[0])) return new(SmilesTokenKind.Ring, Label: token[0] - '0');
        return token switch
        {
            "-" or "/" or "\\" or ":" => new(SmilesTokenKind.Bond, Order: 1),
            "=" => new(SmilesTokenKind.Bond, Order: 2),
            "#" => new(SmilesTokenKind.Bond, Order: 3),
            "(" => new(SmilesTokenKind.BranchOpen),
            ")" => new(SmilesTokenKind.BranchClose),
            _ => new(SmilesTokenKind.Other),
        };
    }

    /// <summary>Bonds a bracket atom can still make: its usual valence adjusted for charge, minus explicit hydrogens.</summary>
    private static int BracketValence(string token)
    {
        var body = token[1..^1];
        int i = 0;
        while (i < body.Length && char.IsAsciiDigit(body[i])) i++; // isotope
        var start = i;
        if (i < body.Length && char.IsAsciiLetterUpper(body[i])) { i++; if (i < body.Length && char.IsAsciiLetterLower(body[i]) && body[i] != 'H') i++; }
        else if (i < body.Length && char.IsAsciiLetterLower(body[i])) { i++; if (i < body.Length && body[i] == 'e') i++; }
        var element = body[start..i].ToLowerInvariant();
        int hydrogens = 0, charge = 0;
        for (; i < body.Length; i++)
        {
            if (body[i] == 'H') hydrogens = i + 1 < body.Length && char.IsAsciiDigit(body[i + 1]) ? body[++i] - '0' : 1;
            else if (body[i] is '+' or '-')
            {
                var sign = body[i] == '+' ? 1 : -1;
                var magnitude = 1;
                if (i + 1 < body.Length && char.IsAsciiDigit(body[i + 1])) magnitude = body[++i] - '0';
                else while (i + 1 < body.Length && body[i + 1] == body[i]) { magnitude++; i++; }
                charge += sign * magnitude;
            }
            else if (body[i] == ':') break; // atom class
        }
        var baseValence = element switch
        {
            "c" or "si" => 4, "n" or "p" or "b" => 3, "o" or "s" or "se" => 2, "f" or "cl" or "br" or "i" => 1, "h" => 1, _ => 0,
        };
        var adjusted = element switch
        {
            "c" => charge == 0 ? 4 : 3,
            "b" => baseValence - charge,
            "n" or "p" or "o" or "s" or "se" => baseValence + charge,
            _ => baseValence - Math.Abs(charge),
        };
        if (element is "s" or "p" && charge == 0) adjusted = element == "s" ? 6 : 5;
        return Math.Max(0, adjusted - hydrogens);
    }
}
