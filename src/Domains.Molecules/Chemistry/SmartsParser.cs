// SMARTS reader for the Daylight subset used by RDKit's descriptor definitions: atom primitives
// (#n, symbols, a/A, H, D, X, v, R, r, x, charge, isotope, $()), logic (! & , ;) and bond primitives (- = # : ~ @).
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Parses SMARTS into query atoms and bonds.</summary>
internal sealed class SmartsParser
{
    private readonly string _s;
    private int _i;
    private readonly List<SmartsNode> _atoms = new();
    private readonly List<(int A, int B, SmartsNode Expr)> _bonds = new();
    private readonly List<int> _component = new();

    private SmartsParser(string s) => _s = s;

    public static SmartsPattern Parse(string smarts)
    {
        ArgumentNullException.ThrowIfNull(smarts);
        var p = new SmartsParser(smarts);
        p.Run();
        var pattern = new SmartsPattern(smarts, p._atoms.ToArray(), p._bonds.ToArray(), p._component.ToArray());
        pattern.Optimize();
        return pattern;
    }

    private SmilesException Error(string what) => new($"SMARTS: {what} at position {_i}", _i);

    private void Run()
    {
        if (_s.Length == 0) throw new SmilesException("SMARTS: empty pattern", 0);
        int prev = -1, component = 0;
        SmartsNode? bond = null;
        var branches = new Stack<int>();
        var rings = new Dictionary<int, (int Atom, SmartsNode? Bond)>();
        while (_i < _s.Length)
        {
            char c = _s[_i];
            if (c == '(') { if (prev < 0) throw Error("branch before any atom"); branches.Push(prev); _i++; }
            else if (c == ')') { if (branches.Count == 0) throw Error("unmatched ')'"); prev = branches.Pop(); _i++; }
            else if (c == '.') { prev = -1; component++; _i++; }
            else if (char.IsAsciiDigit(c) || c == '%')
            {
                int d;
                if (c == '%')
                {
                    if (_i + 2 >= _s.Length || !char.IsAsciiDigit(_s[_i + 1]) || !char.IsAsciiDigit(_s[_i + 2])) throw Error("bad '%' ring number");
                    d = (_s[_i + 1] - '0') * 10 + _s[_i + 2] - '0';
                    _i += 3;
                }
                else { d = c - '0'; _i++; }
                if (prev < 0) throw Error("ring bond before any atom");
                if (rings.Remove(d, out var open)) _bonds.Add((open.Atom, prev, bond ?? open.Bond ?? new SmartsNode(SmartsKind.BondDefault)));
                else rings[d] = (prev, bond);
                bond = null;
            }
            else if (c is '-' or '=' or '#' or ':' or '~' or '@' or '!' or '/' or '\\')
            {
                if (bond is not null) throw Error("two bond expressions in a row");
                bond = ParseBondExpr();
            }
            else
            {
                var atom = c == '[' ? ParseBracket() : ParseOrganic();
                int idx = _atoms.Count;
                _atoms.Add(atom);
                _component.Add(component);
                if (prev >= 0) _bonds.Add((prev, idx, bond ?? new SmartsNode(SmartsKind.BondDefault)));
                bond = null;
                prev = idx;
            }
        }
        if (branches.Count > 0) throw Error("unclosed branch");
        if (rings.Count > 0) throw Error("unclosed ring bond");
        if (bond is not null) throw Error("bond without an atom after it");
    }

    private SmartsNode ParseOrganic()
    {
        char c = _s[_i];
        if (c == '*') { _i++; return new SmartsNode(SmartsKind.True); }
        if (c == 'a') { _i++; return new SmartsNode(SmartsKind.Aromatic); }
        if (c == 'A') { _i++; return new SmartsNode(SmartsKind.Aliphatic); }
        if (_i + 1 < _s.Length && ((c == 'C' && _s[_i + 1] == 'l') || (c == 'B' && _s[_i + 1] == 'r')))
        {
            _i += 2;
            return new SmartsNode(SmartsKind.AliphaticElement, c == 'C' ? 17 : 35);
        }
        int z = "BCNOPSFI".IndexOf(c) >= 0 ? ElementTable.Lookup(c.ToString()) : -1;
        if (z > 0) { _i++; return new SmartsNode(SmartsKind.AliphaticElement, z); }
        z = c switch { 'b' => 5, 'c' => 6, 'n' => 7, 'o' => 8, 'p' => 15, 's' => 16, _ => -1 };
        if (z > 0) { _i++; return new SmartsNode(SmartsKind.AromaticElement, z); }
        throw Error($"unexpected character '{c}'");
    }

    private SmartsNode ParseBracket()
    {
        _i++;
        var e = ParseLowAnd();
        if (Peek() != ']') throw Error("expected ']'");
        _i++;
        return e;
    }

    private char Peek() => _i < _s.Length ? _s[_i] : '\0';

    private SmartsNode ParseLowAnd()
    {
        var e = ParseOr();
        while (Peek() == ';') { _i++; e = SmartsNode.Combine(SmartsKind.And, e, ParseOr()); }
        return e;
    }

    private SmartsNode ParseOr()
    {
        var e = ParseHighAnd();
        while (Peek() == ',') { _i++; e = SmartsNode.Combine(SmartsKind.Or, e, ParseHighAnd()); }
        return e;
    }

    private SmartsNode ParseHighAnd()
    {
        var e = ParseNot(true);
        while (true)
        {
            if (Peek() == '&') { _i++; e = SmartsNode.Combine(SmartsKind.And, e, ParseNot(false)); }
            else if (Peek() is not (']' or ';' or ',' or '\0')) e = SmartsNode.Combine(SmartsKind.And, e, ParseNot(false));
            else return e;
        }
    }

    private SmartsNode ParseNot(bool first)
    {
        if (Peek() == '!') { _i++; return new SmartsNode(SmartsKind.Not, 0, [ParseNot(false)]); }
        return SmartsPrimitives.Parse(_s, ref _i, first);
    }

    private SmartsNode ParseBondExpr()
    {
        SmartsNode? lowAnd = null;
        while (true)
        {
            SmartsNode? or = null;
            while (true)
            {
                SmartsNode? and = null;
                while (true)
                {
                    var prim = ParseBondNot();
                    and = and is null ? prim : SmartsNode.Combine(SmartsKind.And, and, prim);
                    if (Peek() == '&') { _i++; continue; }
                    if (Peek() is '-' or '=' or '#' or ':' or '~' or '@' or '!' or '/' or '\\') continue;
                    break;
                }
                or = or is null ? and : SmartsNode.Combine(SmartsKind.Or, or, and);
                if (Peek() == ',') { _i++; continue; }
                break;
            }
            lowAnd = lowAnd is null ? or : SmartsNode.Combine(SmartsKind.And, lowAnd, or);
            if (Peek() == ';') { _i++; continue; }
            return lowAnd;
        }
    }

    private SmartsNode ParseBondNot()
    {
        char c = Peek();
        _i++;
        return c switch
        {
            '!' => new SmartsNode(SmartsKind.Not, 0, [ParseBondNot()]),
            '-' or '/' or '\\' => new SmartsNode(SmartsKind.BondSingle),
            '=' => new SmartsNode(SmartsKind.BondDouble),
            '#' => new SmartsNode(SmartsKind.BondTriple),
            ':' => new SmartsNode(SmartsKind.BondAromatic),
            '~' => new SmartsNode(SmartsKind.BondAny),
            '@' => new SmartsNode(SmartsKind.BondRing),
            _ => throw Error($"unexpected bond character '{c}'"),
        };
    }
}
