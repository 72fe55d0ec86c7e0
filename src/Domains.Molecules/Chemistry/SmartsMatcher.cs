// Substructure search by backtracking over query atoms in parse order (depth = query size, so recursion is shallow).
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>
/// Matches SMARTS patterns against one <see cref="Molecule"/>. One matcher can run many patterns: buffers and the
/// cache of recursive-SMARTS results are reused. Not thread-safe.
/// </summary>
internal sealed class SmartsMatcher
{
    private readonly Molecule _m;
    private readonly bool[] _used;
    private readonly Dictionary<SmartsPattern, sbyte[]> _recursive;
    private SmartsPattern _q = null!;
    private int[] _map = new int[8];
    private List<int[]>? _results;
    private HashSet<string>? _seen;
    private HashSet<long>? _seenSmall;
    private bool _stopAtFirst;
    private bool _found;
    private SmartsMatcher? _child;

    /// <summary>The molecule searched.</summary>
    public Molecule Molecule => _m;

    public SmartsMatcher(Molecule m, Dictionary<SmartsPattern, sbyte[]>? recursiveCache = null)
    {
        _m = m;
        _used = new bool[m.Atoms.Count];
        _recursive = recursiveCache ?? new Dictionary<SmartsPattern, sbyte[]>(ReferenceEqualityComparer.Instance);
    }

    public SmartsMatcher(SmartsPattern q, Molecule m)
        : this(m) => Use(q);

    private void Use(SmartsPattern q)
    {
        _q = q;
        if (_map.Length < q.Atoms.Length) _map = new int[q.Atoms.Length];
    }

    public bool Any() => Any(_q);

    public List<int[]> All() => All(_q);

    public bool MatchesAt(int atom) => MatchesAt(_q, atom);

    public bool Any(SmartsPattern q)
    {
        q = q.Fast;
        Use(q);
        if (q.Atoms.Length == 0 || !HasElements(q)) return false;
        _stopAtFirst = true;
        _results = null;
        _found = false;
        Extend(0, -1);
        return _found;
    }

    public List<int[]> All(SmartsPattern q)
    {
        q = q.Fast;
        Use(q);
        _stopAtFirst = false;
        _results = new List<int[]>();
        _seen = new HashSet<string>();
        _seenSmall = new HashSet<long>();
        _found = false;
        if (q.Atoms.Length > 0 && HasElements(q)) Extend(0, -1);
        return _results;
    }

    private bool[]? _present;

    private List<(int Element, List<int> Atoms)>? _byElement;

    /// <summary>Atom indices grouped by element, in order of first appearance.</summary>
    private List<(int Element, List<int> Atoms)> ByElement()
    {
        if (_byElement is not null) return _byElement;
        _byElement = new List<(int, List<int>)>();
        for (int i = 0; i < _m.Atoms.Count; i++)
        {
            int z = _m.Atoms[i].Element;
            var group = _byElement.Find(g => g.Element == z);
            if (group.Atoms is null) { group = (z, new List<int>()); _byElement.Add(group); }
            group.Atoms.Add(i);
        }
        return _byElement;
    }

    private int _aromaticAtoms;
    private readonly bool[] _orders = new bool[Bond.AromaticOrder + 1];

    /// <summary>Cheap necessary conditions: required elements present, enough aromatic atoms.</summary>
    private bool HasElements(SmartsPattern q)
    {
        if (_present is null)
        {
            _present = new bool[ElementTable.Symbols.Length];
            foreach (var a in _m.Atoms)
            {
                _present[a.Element] = true;
                if (a.Aromatic) _aromaticAtoms++;
            }
            foreach (var b in _m.Bonds) _orders[b.Order] = true;
        }
        foreach (int o in q.RequiredBondOrders) if (!_orders[o]) return false;
        if (q.AromaticAtoms > _aromaticAtoms || q.Atoms.Length > _m.Atoms.Count) return false;
        foreach (int z in q.RequiredElements) if (!_present[z]) return false;
        return true;
    }

    private bool HasFirstBonds(int a)
    {
        foreach (var e in _q.FirstBonds)
        {
            bool any = false;
            foreach (int bi in _m.Atoms[a].Bonds)
                if (BondMatches(e, _m.Bonds[bi])) { any = true; break; }
            if (!any) return false;
        }
        return true;
    }

    public bool MatchesAt(SmartsPattern q, int atom)
    {
        Use(q);
        if (q.Atoms.Length == 0) return false;
        if (q.FirstElement >= 0 && _m.Atoms[atom].Element != q.FirstElement) return false;
        _stopAtFirst = true;
        _results = null;
        _found = false;
        Extend(0, atom);
        return _found;
    }

    private bool Extend(int k, int fixedFirst)
    {
        if (k == _q.Atoms.Length)
        {
            Report();
            return _stopAtFirst;
        }
        int parent = _q.Parent[k];
        if (parent >= 0)
        {
            int pa = _map[parent];
            foreach (int bi in _m.Atoms[pa].Bonds)
                if (TryAtom(k, _m.Bonds[bi].Other(pa), fixedFirst)) return true;
        }
        else if (k == 0 && fixedFirst >= 0)
        {
            if (TryAtom(k, fixedFirst, fixedFirst)) return true;
        }
        else if (_q.Allowed[k] is { } allowed)
        {
            // Only atoms of the allowed elements can start this component.
            foreach (var (z, list) in ByElement())
            {
                if (!allowed[z]) continue;
                foreach (int a in list) if (TryAtom(k, a, fixedFirst)) return true;
            }
        }
        else
        {
            for (int a = 0; a < _m.Atoms.Count; a++)
                if (TryAtom(k, a, fixedFirst)) return true;
        }
        return false;
    }

    private bool TryAtom(int k, int a, int fixedFirst)
    {
        if (_used[a]) return false;
        var allowed = _q.Allowed[k];
        if (allowed is not null && !allowed[_m.Atoms[a].Element]) return false;
        if (k == 0 && !HasFirstBonds(a)) return false;
        if (!AtomMatches(_q.Atoms[k], a)) return false;
        foreach (var (other, expr) in _q.Back[k])
        {
            int bi = _m.FindBond(_map[other], a);
            if (bi < 0 || !BondMatches(expr, _m.Bonds[bi])) return false;
        }
        _map[k] = a;
        _used[a] = true;
        bool stop = Extend(k + 1, fixedFirst);
        _used[a] = false;
        return stop;
    }

    private void Report()
    {
        _found = true;
        if (_results is null) return;
        var hit = new int[_q.Atoms.Length];
        for (int k = 0; k < hit.Length; k++) hit[_q.Order[k]] = _map[k];
        if (_seen is not null)
        {
            var key = (int[])hit.Clone();
            Array.Sort(key);
            if (key.Length <= 3 && _m.Atoms.Count < 1 << 20)
            {
                long packed = 0;
                foreach (int x in key) packed = (packed << 21) | (uint)(x + 1);
                if (!_seenSmall!.Add(packed)) return;
            }
            else if (!_seen.Add(string.Join(",", key))) return;
        }
        _results.Add(hit);
    }

    public bool AtomMatches(SmartsNode e, int ai)
    {
        var a = _m.Atoms[ai];
        switch (e.Kind)
        {
            case SmartsKind.True: return true;
            case SmartsKind.And: return AtomMatches(e.Children![0], ai) && AtomMatches(e.Children[1], ai);
            case SmartsKind.Or: return AtomMatches(e.Children![0], ai) || AtomMatches(e.Children[1], ai);
            case SmartsKind.Not: return !AtomMatches(e.Children![0], ai);
            case SmartsKind.AliphaticElement: return a.Element == e.Value && !a.Aromatic;
            case SmartsKind.AromaticElement: return a.Element == e.Value && a.Aromatic;
            case SmartsKind.Element or SmartsKind.AtomicNumber: return a.Element == e.Value;
            case SmartsKind.Aromatic: return a.Aromatic;
            case SmartsKind.Aliphatic: return !a.Aromatic;
            case SmartsKind.Isotope: return a.Isotope == e.Value;
            case SmartsKind.TotalH: return MoleculeGraph.TotalH(_m, ai) == e.Value;
            case SmartsKind.Degree: return a.Degree == e.Value;
            case SmartsKind.Connectivity: return a.Degree + a.Hydrogens == e.Value;
            case SmartsKind.Valence: return MoleculeGraph.TotalValence(_m, ai) == e.Value;
            case SmartsKind.Charge: return a.Charge == e.Value;
            case SmartsKind.InRing: return a.InRing;
            case SmartsKind.RingCount: return MoleculeGraph.RingCount(_m, ai) == e.Value;
            case SmartsKind.RingSize: return e.Value == 0 ? !a.InRing : MoleculeGraph.MinRingSize(_m, ai) == e.Value;
            case SmartsKind.RingConnectivity:
            {
                int n = 0;
                foreach (int bi in a.Bonds) if (_m.Bonds[bi].InRing) n++;
                return e.Value == -2 ? n > 0 : n == e.Value;
            }
            case SmartsKind.Recursive:
            {
                if (!_recursive.TryGetValue(e.Sub!, out var cache))
                {
                    cache = new sbyte[_m.Atoms.Count];
                    _recursive[e.Sub!] = cache;
                }
                if (cache[ai] == 0)
                {
                    _child ??= new SmartsMatcher(_m, _recursive);
                    cache[ai] = _child.MatchesAt(e.Sub!, ai) ? (sbyte)1 : (sbyte)2;
                }
                return cache[ai] == 1;
            }
            default: return false;
        }
    }

    private static bool BondMatches(SmartsNode e, Bond b) => e.Kind switch
    {
        SmartsKind.And => BondMatches(e.Children![0], b) && BondMatches(e.Children[1], b),
        SmartsKind.Or => BondMatches(e.Children![0], b) || BondMatches(e.Children[1], b),
        SmartsKind.Not => !BondMatches(e.Children![0], b),
        SmartsKind.BondDefault => b.Order is 1 or Bond.AromaticOrder,
        SmartsKind.BondSingle => b.Order == 1,
        SmartsKind.BondDouble => b.Order == 2,
        SmartsKind.BondTriple => b.Order == 3,
        SmartsKind.BondAromatic => b.Order == Bond.AromaticOrder,
        SmartsKind.BondRing => b.InRing,
        SmartsKind.BondAny or SmartsKind.True => true,
        _ => false,
    };
}
