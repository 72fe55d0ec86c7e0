// SMILES writer: depth-first from the lowest-ranked atom, neighbours in rank order, ring closures at the atoms that
// open them; chirality re-expressed for the written neighbour order; double-bond geometry as '/' and '\'.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Writes a molecule as SMILES with the atom order given by a rank array.</summary>
internal sealed class SmilesWriter
{
    private readonly Molecule _m;
    private readonly int[] _rank;
    private readonly bool[] _keepChiral;
    private readonly DoubleBondStereo? _db;
    private readonly System.Text.StringBuilder _sb = new();
    private readonly List<(int Child, int Bond)>[] _children;
    private readonly List<int>[] _ringBonds;
    private readonly int[] _parentBond;

    private readonly bool _kekule;

    /// <param name="m">The molecule.</param>
    /// <param name="rank">Visiting order of the atoms (distinct values).</param>
    /// <param name="keepChiral">Which tetrahedral centres keep their stereo mark.</param>
    /// <param name="keepDouble">Which double bonds keep their stereo marks.</param>
    /// <param name="kekule">Write aromatic rings in a Kekulé form (upper-case atoms, explicit double bonds).</param>
    public SmilesWriter(Molecule m, int[] rank, bool[] keepChiral, bool[] keepDouble, bool kekule = false)
    {
        _m = m;
        _kekule = kekule;
        _rank = rank;
        _keepChiral = keepChiral;
        _db = m.Bonds.Exists(b => b.Direction != '\0') ? new DoubleBondStereo(m, keepDouble) : null;
        int n = m.Atoms.Count;
        _children = new List<(int, int)>[n];
        _ringBonds = new List<int>[n];
        _parentBond = new int[n];
        for (int i = 0; i < n; i++) { _children[i] = new(); _ringBonds[i] = new(); _parentBond[i] = -1; }
    }

    public string Write()
    {
        int n = _m.Atoms.Count;
        var byRank = new int[n];
        for (int i = 0; i < n; i++) byRank[i] = i;
        Array.Sort((int[])_rank.Clone(), byRank);
        var visited = new bool[n];
        var isRing = new bool[_m.Bonds.Count];
        var roots = new List<int>();
        foreach (int start in byRank)
        {
            if (visited[start]) continue;
            roots.Add(start);
            BuildTree(start, visited, isRing);
        }
        var digitOf = new Dictionary<int, int>();
        var written = new bool[n];
        var freeDigits = new DigitPool();
        for (int r = 0; r < roots.Count; r++)
        {
            if (r > 0) _sb.Append('.');
            WriteTree(roots[r], written, digitOf, freeDigits);
        }
        return _sb.ToString();
    }

    private void BuildTree(int root, bool[] visited, bool[] isRing)
    {
        var stack = new Stack<(int Atom, int[] Nbrs, int Next)>();
        visited[root] = true;
        stack.Push((root, SortedBonds(root), 0));
        while (stack.Count > 0)
        {
            var (v, nbrs, next) = stack.Pop();
            if (next >= nbrs.Length) continue;
            stack.Push((v, nbrs, next + 1));
            int bi = nbrs[next];
            if (bi == _parentBond[v] || isRing[bi]) continue;
            int w = _m.Bonds[bi].Other(v);
            if (!visited[w])
            {
                visited[w] = true;
                _parentBond[w] = bi;
                _children[v].Add((w, bi));
                stack.Push((w, SortedBonds(w), 0));
            }
            else
            {
                isRing[bi] = true;
                _ringBonds[v].Add(bi);
                _ringBonds[w].Add(bi);
            }
        }
    }

    private int[] SortedBonds(int v)
    {
        var list = _m.Atoms[v].Bonds;
        var result = new int[list.Count];
        for (int k = 0; k < result.Length; k++)
        {
            int bi = list[k], r = _rank[_m.Bonds[bi].Other(v)], j = k;
            while (j > 0 && _rank[_m.Bonds[result[j - 1]].Other(v)] > r) { result[j] = result[j - 1]; j--; }
            result[j] = bi;
        }
        return result;
    }

    private void WriteTree(int root, bool[] written, Dictionary<int, int> digitOf, DigitPool free)
    {
        // Frames: atom and index of the next child; a negative atom means "write ')'".
        var stack = new Stack<(int Atom, int From, int NextChild)>();
        stack.Push((root, -1, -1));
        while (stack.Count > 0)
        {
            var (v, from, next) = stack.Pop();
            if (v < 0) { _sb.Append(')'); continue; }
            if (next < 0)
            {
                if (from >= 0) _sb.Append(BondSymbol(_parentBond[v], from, v));
                WriteAtom(v, from, written, digitOf, free);
                next = 0;
            }
            var kids = _children[v];
            if (next >= kids.Count) continue;
            var (child, _) = kids[next];
            bool last = next == kids.Count - 1;
            if (!last)
            {
                stack.Push((v, from, next + 1));
                stack.Push((-1, -1, 0));
                _sb.Append('(');
            }
            stack.Push((child, v, -1));
        }
    }

    private void WriteAtom(int v, int from, bool[] written, Dictionary<int, int> digitOf, DigitPool free)
    {
        written[v] = true;
        if (_ringBonds[v].Count == 0)
        {
            _sb.Append(AtomText(v, from, null, null));
            return;
        }
        var closing = new List<int>();
        var opening = new List<int>();
        foreach (int bi in _ringBonds[v])
        {
            if (written[_m.Bonds[bi].Other(v)]) closing.Add(bi);
            else opening.Add(bi);
        }
        closing.Sort((x, y) => digitOf[x].CompareTo(digitOf[y]));
        opening.Sort((x, y) => _rank[_m.Bonds[x].Other(v)].CompareTo(_rank[_m.Bonds[y].Other(v)]));
        _sb.Append(AtomText(v, from, closing, opening));
        foreach (int bi in closing)
        {
            AppendDigit(digitOf[bi]);
            free.Release(digitOf[bi]);
        }
        foreach (int bi in opening)
        {
            int d = free.Take();
            digitOf[bi] = d;
            _sb.Append(BondSymbol(bi, v, _m.Bonds[bi].Other(v)));
            AppendDigit(d);
        }
    }

    private void AppendDigit(int d) => _sb.Append(d < 10 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "%" + d.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string AtomText(int v, int from, List<int>? closing, List<int>? opening)
    {
        var a = _m.Atoms[v];
        int tag = 0;
        if (a.Chirality != 0 && _keepChiral[v])
        {
            var order = new List<int>(4);
            if (from >= 0) order.Add(from);
            var input = Stereo.InputOrder(_m, v);
            if (input.Contains(-1)) order.Add(-1);
            foreach (int bi in closing ?? []) order.Add(_m.Bonds[bi].Other(v));
            foreach (int bi in opening ?? []) order.Add(_m.Bonds[bi].Other(v));
            foreach (var (child, _) in _children[v]) order.Add(child);
            if (order.Count == input.Count) tag = Stereo.Permute(a.Chirality, input, order);
        }
        return AtomSymbols.Text(_m, v, tag, _kekule);
    }

    private string BondSymbol(int bi, int from, int to)
    {
        var b = _m.Bonds[bi];
        if (b.Order is 2 or 3) return b.Order == 2 ? "=" : "#";
        char d = _db?.Marker(bi, from, to) ?? '\0';
        if (d != '\0') return d.ToString();
        if (b.Order == Bond.AromaticOrder) return _kekule && b.KekuleOrder == 2 ? "=" : "";
        return !_kekule && _m.Atoms[from].Aromatic && _m.Atoms[to].Aromatic ? "-" : "";
    }
}
