// Substructure search by backtracking over query atoms in parse order (depth = query size, so recursion is shallow).
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Matches one <see cref="SmartsPattern"/> against one <see cref="Molecule"/>.</summary>
internal sealed class SmartsMatcher
{
    private readonly SmartsPattern _q;
    private readonly Molecule _m;
    private readonly int[] _map;
    private readonly bool[] _used;
    private readonly Dictionary<SmartsPattern, sbyte[]> _recursive;
    private List<int[]>? _results;
    private HashSet<string>? _seen;
    private bool _stopAtFirst;

    public SmartsMatcher(SmartsPattern q, Molecule m, Dictionary<SmartsPattern, sbyte[]>? recursiveCache = null)
    {
        _q = q;
        _m = m;
        _map = new int[q.Atoms.Length];
        _used = new bool[m.Atoms.Count];
        _recursive = recursiveCache ?? new Dictionary<SmartsPattern, sbyte[]>(ReferenceEqualityComparer.Instance);
    }

    public bool Any()
    {
        _stopAtFirst = true;
        _results = new List<int[]>();
        Extend(0, -1);
        return _results.Count > 0;
    }

    public List<int[]> All()
    {
        _results = new List<int[]>();
        _seen = new HashSet<string>();
        Extend(0, -1);
        return _results;
    }

    public bool MatchesAt(int atom)
    {
        if (_q.Atoms.Length == 0) return false;
        _stopAtFirst = true;
        _results = new List<int[]>();
        Extend(0, atom);
        return _results.Count > 0;
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
        else
        {
            for (int a = 0; a < _m.Atoms.Count; a++)
                if (TryAtom(k, a, fixedFirst)) return true;
        }
        return false;
    }

    private bool TryAtom(int k, int a, int fixedFirst)
    {
        if (_used[a] || !AtomMatches(_q.Atoms[k], a)) return false;
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
        var hit = (int[])_map.Clone();
        if (_seen is not null)
        {
            var key = (int[])hit.Clone();
            Array.Sort(key);
            if (!_seen.Add(string.Join(",", key))) return;
        }
        _results!.Add(hit);
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
                    cache[ai] = new SmartsMatcher(e.Sub!, _m, _recursive).MatchesAt(ai) ? (sbyte)1 : (sbyte)2;
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
