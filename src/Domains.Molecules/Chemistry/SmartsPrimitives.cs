namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Reads one atom primitive inside a SMARTS bracket.</summary>
internal static class SmartsPrimitives
{
    public static SmartsNode Parse(string s, ref int i, bool first)
    {
        if (i >= s.Length) throw new SmilesException($"SMARTS: unclosed '[' at position {i}", i);
        char c = s[i];
        int start = i;
        if (char.IsAsciiDigit(c)) return new SmartsNode(SmartsKind.Isotope, Number(s, ref i, 0));
        if (char.IsAsciiLetterUpper(c) && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]) && ElementTable.Lookup(s.Substring(i, 2)) is > 0 and var zh)
        {
            i += 2;
            return new SmartsNode(SmartsKind.AliphaticElement, zh);
        }
        switch (c)
        {
            case '*': i++; return new SmartsNode(SmartsKind.True);
            case 'a': if (!Next(s, i, "as")) { i++; return new SmartsNode(SmartsKind.Aromatic); } break;
            case 'A':
                if (i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]) && ElementTable.Lookup(s.Substring(i, 2)) > 0) break;
                i++;
                return new SmartsNode(SmartsKind.Aliphatic);
            case '#': i++; return new SmartsNode(SmartsKind.AtomicNumber, Number(s, ref i, -1));
            case 'D': i++; return new SmartsNode(SmartsKind.Degree, Number(s, ref i, 1));
            case 'X': i++; return new SmartsNode(SmartsKind.Connectivity, Number(s, ref i, 1));
            case 'v': i++; return new SmartsNode(SmartsKind.Valence, Number(s, ref i, 1));
            case 'x': i++; return new SmartsNode(SmartsKind.RingConnectivity, Number(s, ref i, -2));
            case 'R':
                i++;
                if (i < s.Length && char.IsAsciiDigit(s[i])) return new SmartsNode(SmartsKind.RingCount, Number(s, ref i, 0));
                return new SmartsNode(SmartsKind.InRing);
            case 'r':
                i++;
                if (i < s.Length && char.IsAsciiDigit(s[i])) return new SmartsNode(SmartsKind.RingSize, Number(s, ref i, 0));
                return new SmartsNode(SmartsKind.InRing);
            case 'H':
                bool lone = first && (i + 1 >= s.Length || s[i + 1] is ']' or '+' or '-');
                i++;
                if (lone) return new SmartsNode(SmartsKind.AtomicNumber, 1);
                return new SmartsNode(SmartsKind.TotalH, Number(s, ref i, 1));
            case '+' or '-':
            {
                int sign = c == '+' ? 1 : -1;
                i++;
                if (i < s.Length && char.IsAsciiDigit(s[i])) return new SmartsNode(SmartsKind.Charge, sign * Number(s, ref i, 0));
                int q = sign;
                while (i < s.Length && s[i] == c) { q += sign; i++; }
                return new SmartsNode(SmartsKind.Charge, q);
            }
            case '$':
            {
                if (i + 1 >= s.Length || s[i + 1] != '(') throw new SmilesException($"SMARTS: '$' must be followed by '(' at position {i}", i);
                int depth = 0, j = i + 1;
                for (; j < s.Length; j++)
                {
                    if (s[j] == '(') depth++;
                    else if (s[j] == ')' && --depth == 0) break;
                }
                if (j >= s.Length) throw new SmilesException($"SMARTS: unclosed '$(' at position {i}", i);
                var sub = SmartsParser.Parse(s.Substring(i + 2, j - i - 2));
                i = j + 1;
                return new SmartsNode(SmartsKind.Recursive, 0, null, sub);
            }
            case '@':
                i++;
                while (i < s.Length && s[i] == '@') i++;
                return new SmartsNode(SmartsKind.True);
        }
        if (char.IsAsciiLetterLower(c))
        {
            foreach (var sym in new[] { "se", "te", "as" })
                if (Next(s, i, sym)) { i += 2; return new SmartsNode(SmartsKind.AromaticElement, ElementTable.Lookup(char.ToUpperInvariant(sym[0]) + sym[1..])); }
            int za = c switch { 'b' => 5, 'c' => 6, 'n' => 7, 'o' => 8, 'p' => 15, 's' => 16, _ => -1 };
            if (za < 0) throw new SmilesException($"SMARTS: unknown primitive '{c}' at position {i}", i);
            i++;
            return new SmartsNode(SmartsKind.AromaticElement, za);
        }
        if (char.IsAsciiLetterUpper(c))
        {
            if (i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]))
            {
                int z2 = ElementTable.Lookup(s.Substring(i, 2));
                if (z2 > 0) { i += 2; return new SmartsNode(SmartsKind.AliphaticElement, z2); }
            }
            int z = ElementTable.Lookup(c.ToString());
            if (z > 0) { i++; return new SmartsNode(SmartsKind.AliphaticElement, z); }
        }
        throw new SmilesException($"SMARTS: unexpected character '{c}' at position {start}", start);
    }

    private static bool Next(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    private static int Number(string s, ref int i, int fallback)
    {
        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            if (fallback == -1) throw new SmilesException($"SMARTS: number expected at position {i}", i);
            return fallback;
        }
        int v = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && v < 100000) v = v * 10 + (s[i++] - '0');
        return v;
    }
}
