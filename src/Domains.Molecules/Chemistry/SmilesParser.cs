// SMILES reader (OpenSMILES syntax as RDKit accepts it); iterative, so deep nesting cannot overflow the stack.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Turns a SMILES string into an unsanitized atom and bond graph.</summary>
internal sealed class SmilesParser
{
    private readonly string _s;
    private readonly Molecule _mol = new();
    private int _i;
    private int _prev = -1;
    private int _bondOrder;
    private char _bondDir;
    private int _bondPos = -1;
    /// <summary>True between a branch's '(' and its first atom.</summary>
    private bool _branchStart;
    private readonly Stack<(int Atom, int Pos)> _branches = new();
    private readonly Dictionary<int, RingOpen> _rings = new();

    private readonly record struct RingOpen(int Atom, int Slot, int Order, char Dir, int Pos);

    private SmilesParser(string s) => _s = s;

    /// <summary>Parses the string; throws <see cref="SmilesException"/> naming the problem and its position.</summary>
    public static Molecule Parse(string smiles)
    {
        var p = new SmilesParser(smiles);
        p.Run();
        return p._mol;
    }

    private SmilesException Error(string what, int pos) => new($"{what} at position {pos}", pos);

    private void Run()
    {
        if (_s.Length == 0) throw new SmilesException("empty SMILES", 0);
        while (_i < _s.Length)
        {
            char c = _s[_i];
            switch (c)
            {
                case '(':
                    if (_prev < 0) throw Error("branch opened before any atom", _i);
                    if (_bondOrder != 0) throw Error("bond symbol before '('", _i);
                    _branches.Push((_prev, _i));
                    _branchStart = true;
                    _i++;
                    if (_i < _s.Length && _s[_i] == ')') throw Error("empty branch", _i - 1);
                    if (_i < _s.Length && _s[_i] == '(') throw Error("branch opened directly inside a branch", _i);
                    break;
                case ')':
                    if (_branches.Count == 0) throw Error("unmatched ')'", _i);
                    if (_bondOrder != 0) throw Error("bond without an atom after it", _bondPos);
                    _prev = _branches.Pop().Atom;
                    _i++;
                    break;
                case '.':
                    if (_bondOrder != 0) throw Error("bond without an atom after it", _bondPos);
                    if (_prev < 0) throw Error("'.' without an atom before it", _i);
                    if (_i + 1 >= _s.Length || _s[_i + 1] == ')') throw Error("'.' without an atom after it", _i);
                    _prev = -1;
                    _i++;
                    break;
                case '-' or '=' or '#' or '$' or ':' or '/' or '\\':
                    if (_bondOrder != 0) throw Error("two bond symbols in a row", _i);
                    if (_prev < 0) throw Error("bond without an atom before it", _i);
                    _bondOrder = c switch { '=' => 2, '#' => 3, '$' => 5, ':' => Bond.AromaticOrder, _ => 1 };
                    if (_bondOrder == 5) throw Error("quadruple bonds are not supported", _i);
                    _bondDir = c is '/' or '\\' ? c : '\0';
                    _bondPos = _i;
                    _i++;
                    break;
                case '%' or (>= '0' and <= '9'):
                    RingBond();
                    break;
                case '[':
                    AddAtom(ReadBracketAtom());
                    break;
                default:
                    AddAtom(ReadOrganicAtom());
                    break;
            }
        }
        if (_bondOrder != 0) throw Error("bond without an atom after it", _bondPos);
        if (_branches.Count > 0) throw Error("unclosed branch '('", _branches.Peek().Pos);
        foreach (var (digit, open) in _rings)
            throw new SmilesException($"unclosed ring bond {digit} opened at position {open.Pos}", open.Pos);
    }

    private void AddAtom(Atom atom)
    {
        int idx = _mol.Atoms.Count;
        _mol.Atoms.Add(atom);
        if (_prev >= 0)
        {
            int order = _bondOrder == 0 || (_bondDir != '\0' && _mol.Atoms[_prev].Aromatic && atom.Aromatic)
                ? DefaultOrder(_mol.Atoms[_prev], atom)
                : _bondOrder;
            _mol.AddBond(_prev, idx, order, _bondDir, _bondOrder == Bond.AromaticOrder);
        }
        atom.ChiralHPosition = atom.Bonds.Count;
        _prev = idx;
        _branchStart = false;
        _bondOrder = 0;
        _bondDir = '\0';
    }

    private static int DefaultOrder(Atom a, Atom b) => a.Aromatic && b.Aromatic ? Bond.AromaticOrder : 1;

    private void RingBond()
    {
        int start = _i;
        if (_prev < 0) throw Error("ring bond digit without an atom before it", _i);
        if (_branchStart) throw Error("ring bond digit at the start of a branch (a branch must begin with an atom)", _i);
        int digit;
        if (_s[_i] == '%')
        {
            if (_i + 2 >= _s.Length || !char.IsAsciiDigit(_s[_i + 1]) || !char.IsAsciiDigit(_s[_i + 2]))
                throw Error("'%' must be followed by two digits", _i);
            if (_s[_i + 1] == '0') throw Error("'%' ring bond numbers run from %10 to %99", _i);
            digit = (_s[_i + 1] - '0') * 10 + (_s[_i + 2] - '0');
            _i += 3;
        }
        else
        {
            digit = _s[_i] - '0';
            _i++;
        }
        var atom = _mol.Atoms[_prev];
        if (_rings.Remove(digit, out var open))
        {
            if (open.Atom == _prev) throw Error($"ring bond {digit} closes on its own atom", start);
            if (_mol.FindBond(open.Atom, _prev) >= 0) throw Error($"ring bond {digit} duplicates an existing bond", start);
            int order = open.Order;
            char dir = open.Dir;
            if (_bondOrder != 0)
            {
                if (order == 0)
                {
                    order = _bondOrder;
                    dir = _bondDir == '/' ? '\\' : _bondDir == '\\' ? '/' : '\0';
                }
            }
            if (order == 0 || (dir != '\0' && order == 1)) order = DefaultOrder(_mol.Atoms[open.Atom], atom);
            _mol.AddBondToSlot(open.Atom, open.Slot, _prev, order, dir, order == Bond.AromaticOrder && (open.Order == Bond.AromaticOrder || _bondOrder == Bond.AromaticOrder));
        }
        else
        {
            atom.Bonds.Add(-1);
            _rings[digit] = new RingOpen(_prev, atom.Bonds.Count - 1, _bondOrder, _bondDir, start);
        }
        _bondOrder = 0;
        _bondDir = '\0';
    }

    private Atom ReadOrganicAtom()
    {
        int pos = _i;
        char c = _s[_i];
        var atom = new Atom { Position = pos };
        if (c == 'C' && _i + 1 < _s.Length && _s[_i + 1] == 'l') { atom.Element = 17; _i += 2; return atom; }
        if (c == 'B' && _i + 1 < _s.Length && _s[_i + 1] == 'r') { atom.Element = 35; _i += 2; return atom; }
        atom.Element = c switch
        {
            'B' or 'b' => 5, 'C' or 'c' => 6, 'N' or 'n' => 7, 'O' or 'o' => 8, 'P' or 'p' => 15,
            'S' or 's' => 16, 'F' => 9, 'I' => 53, '*' => 0,
            _ => throw Error($"unexpected character '{c}'", pos),
        };
        atom.Aromatic = char.IsLower(c);
        _i++;
        return atom;
    }

    private Atom ReadBracketAtom()
    {
        int open = _i;
        _i++;
        var atom = new Atom { Position = open, BracketH = 0 };
        atom.Isotope = ReadNumber(out _);
        ReadElement(atom);
        if (Peek() == '@')
        {
            _i++;
            atom.Chirality = 1;
            if (Peek() == '@') { _i++; atom.Chirality = 2; }
            else ReadChiralClass(atom);
        }
        if (Peek() == 'H')
        {
            _i++;
            atom.BracketH = char.IsAsciiDigit(Peek()) ? ReadNumber(out _) : 1;
        }
        if (Peek() is '+' or '-')
        {
            int sign = Peek() == '+' ? 1 : -1;
            char sym = Peek();
            _i++;
            if (char.IsAsciiDigit(Peek())) atom.Charge = sign * ReadNumber(out _);
            else
            {
                atom.Charge = sign;
                while (Peek() == sym) { atom.Charge += sign; _i++; }
            }
            if (Math.Abs(atom.Charge) > 15) throw Error("charge out of range", open);
        }
        if (Peek() == ':')
        {
            _i++;
            if (!char.IsAsciiDigit(Peek())) throw Error("atom class must be a number", _i);
            atom.AtomClass = ReadNumber(out _);
        }
        if (Peek() != ']') throw Error(_i >= _s.Length ? "unclosed '['" : $"unexpected character '{_s[_i]}' in bracket atom", _i >= _s.Length ? open : _i);
        _i++;
        return atom;
    }

    private void ReadElement(Atom atom)
    {
        int pos = _i;
        if (pos >= _s.Length) throw Error("unclosed '['", pos - 1);
        char c = _s[pos];
        if (c == '*') { _i++; atom.Element = 0; return; }
        if (char.IsLower(c))
        {
            string two = pos + 1 < _s.Length ? _s.Substring(pos, 2) : "";
            if (two is "se" or "te" or "as") { atom.Element = two == "se" ? 34 : two == "te" ? 52 : 33; atom.Aromatic = true; _i += 2; return; }
            atom.Element = c switch { 'b' => 5, 'c' => 6, 'n' => 7, 'o' => 8, 'p' => 15, 's' => 16, _ => throw Error($"unknown aromatic element '{c}'", pos) };
            atom.Aromatic = true;
            _i++;
            return;
        }
        if (!char.IsAsciiLetterUpper(c)) throw Error("missing element symbol in bracket atom", pos);
        if (pos + 1 < _s.Length && char.IsAsciiLetterLower(_s[pos + 1]))
        {
            int z2 = ElementTable.Lookup(_s.Substring(pos, 2));
            if (z2 > 0) { atom.Element = z2; _i += 2; return; }
        }
        int z = ElementTable.Lookup(c.ToString());
        if (z <= 0) throw Error($"unknown element '{c}'", pos);
        atom.Element = z;
        _i++;
    }

    private char Peek() => _i < _s.Length ? _s[_i] : '\0';

    /// <summary>
    /// OpenSMILES chirality classes after '@': TH1-2 (tetrahedral, kept), AL1-2, SP1-3, TB1-20, OH1-30 (read as
    /// RDKit reads them, then ignored); the number may be left out.
    /// </summary>
    private void ReadChiralClass(Atom atom)
    {
        if (_i + 1 >= _s.Length) return;
        string cls = _s.Substring(_i, 2);
        int max = cls switch { "TH" or "AL" => 2, "SP" => 3, "TB" => 20, "OH" => 30, _ => 0 };
        if (max == 0) return;
        int start = _i;
        _i += 2;
        int n = ReadNumber(out bool any);
        if (any && (n < 1 || n > max)) throw Error($"bad @{cls} chirality", start);
        atom.Chirality = cls != "TH" ? 0 : n == 2 ? 2 : 1;
    }

    private int ReadNumber(out bool any)
    {
        int v = 0;
        any = false;
        // As RDKit: a number of two or more digits may not start with 0 ([NH03+] and [013C] are errors, [NH0] is not).
        if (Peek() == '0' && _i + 1 < _s.Length && char.IsAsciiDigit(_s[_i + 1])) throw Error("number with a leading zero", _i);
        while (_i < _s.Length && char.IsAsciiDigit(_s[_i]))
        {
            if (v > 100000) throw Error("number too large", _i);
            v = v * 10 + (_s[_i] - '0');
            _i++;
            any = true;
        }
        return v;
    }
}
