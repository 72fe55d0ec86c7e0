namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>
/// Double-bond geometry from the '/' and '\' of the input, re-expressed as markers for any writing order.
/// Each substituent of a stereo double bond end gets a side (+1 or -1); linked double bonds share a sign
/// that the first written marker normalizes to '/'.
/// </summary>
internal sealed class DoubleBondStereo
{
    private readonly Molecule _m;
    private readonly Dictionary<(int Atom, int Bond), (int Side, int Group)> _side = new();
    private readonly Dictionary<int, int> _flip = new();

    public DoubleBondStereo(Molecule m, bool[] keep)
    {
        _m = m;
        var parent = new int[m.Bonds.Count];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        var ends = new List<(int Atom, int Bond, int Side, int Db)>();
        for (int d = 0; d < m.Bonds.Count; d++)
        {
            var b = m.Bonds[d];
            if (b.Order != 2 || !keep[d]) continue;
            var sa = SidesOf(m, b.A, d);
            var sb = SidesOf(m, b.B, d);
            if (sa.Count == 0 || sb.Count == 0) continue;
            foreach (var (bond, side) in sa) ends.Add((b.A, bond, side, d));
            foreach (var (bond, side) in sb) ends.Add((b.B, bond, side, d));
        }
        var byBond = new Dictionary<int, int>();
        foreach (var e in ends)
        {
            if (byBond.TryGetValue(e.Bond, out int other)) Union(parent, other, e.Db);
            else byBond[e.Bond] = e.Db;
        }
        foreach (var e in ends) _side[(e.Atom, e.Bond)] = (e.Side, Find(parent, e.Db));
    }

    /// <summary>'/' or '\' for the single bond <paramref name="bi"/> written from <paramref name="from"/> to <paramref name="to"/>, else '\0'.</summary>
    public char Marker(int bi, int from, int to)
    {
        int u;
        int group;
        if (_side.TryGetValue((from, bi), out var s)) { u = s.Side; group = s.Group; }
        else if (_side.TryGetValue((to, bi), out var t)) { u = -t.Side; group = t.Group; }
        else return '\0';
        if (!_flip.TryGetValue(group, out int f)) { f = u > 0 ? 1 : -1; _flip[group] = f; }
        return u * f > 0 ? '/' : '\\';
    }

    /// <summary>Sides of the single-bonded substituents of atom <paramref name="a"/> on double bond <paramref name="d"/>.</summary>
    public static List<(int Bond, int Side)> SidesOf(Molecule m, int a, int d)
    {
        var result = new List<(int, int)>(2);
        int reference = 0;
        foreach (int bi in m.Atoms[a].Bonds)
        {
            var b = m.Bonds[bi];
            if (bi == d || !IsSingle(b) || b.Direction == '\0') continue;
            char dir = b.A == a ? b.Direction : (b.Direction == '/' ? '\\' : '/');
            reference = dir == '/' ? 1 : -1;
            result.Add((bi, reference));
            break;
        }
        if (reference == 0) return result;
        foreach (int bi in m.Atoms[a].Bonds)
        {
            var b = m.Bonds[bi];
            if (bi == d || !IsSingle(b) || bi == result[0].Item1) continue;
            result.Add((bi, -reference));
        }
        return result;
    }

    /// <summary>Single in the Kekulé form (aromatic ring bonds next to an exocyclic double bond count).</summary>
    private static bool IsSingle(Bond b) => b.Order == 1 || (b.Order == Bond.AromaticOrder && b.KekuleOrder == 1);

    private static int Find(int[] p, int x)
    {
        while (p[x] != x) { p[x] = p[p[x]]; x = p[x]; }
        return x;
    }

    private static void Union(int[] p, int a, int b) => p[Find(p, a)] = Find(p, b);
}
