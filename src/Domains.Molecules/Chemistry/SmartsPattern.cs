namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>
/// A compiled SMARTS substructure query. Create with <see cref="Parse"/> (throws <see cref="SmilesException"/>
/// naming the problem and position) and reuse it: a pattern is immutable and may be shared across threads.
/// </summary>
public sealed class SmartsPattern
{
    internal readonly SmartsNode[] Atoms;
    internal readonly (int A, int B, SmartsNode Expr)[] Bonds;
    internal readonly int[] Component;
    /// <summary>For each query atom, the earlier query atom it is bonded to (-1 when it starts a component).</summary>
    internal readonly int[] Parent;
    /// <summary>For each query atom, the bonds to earlier query atoms: (earlier atom, bond expression).</summary>
    internal readonly (int Other, SmartsNode Expr)[][] Back;

    internal SmartsPattern(string text, SmartsNode[] atoms, (int A, int B, SmartsNode Expr)[] bonds, int[] component)
    {
        Text = text;
        Atoms = atoms;
        Bonds = bonds;
        Component = component;
        Parent = new int[atoms.Length];
        var back = new List<(int, SmartsNode)>[atoms.Length];
        for (int k = 0; k < atoms.Length; k++) { back[k] = new(); Parent[k] = -1; }
        foreach (var (a, b, e) in bonds)
        {
            int lo = Math.Min(a, b), hi = Math.Max(a, b);
            back[hi].Add((lo, e));
        }
        for (int k = 0; k < atoms.Length; k++)
        {
            if (back[k].Count > 0) Parent[k] = back[k].Min(t => t.Item1);
        }
        Back = back.Select(l => l.ToArray()).ToArray();
        FirstElement = atoms.Length > 0 ? RequiredElement(atoms[0]) : -1;
        RequiredElements = atoms.Select(RequiredElement).Where(z => z >= 0).Distinct().ToArray();
        Allowed = atoms.Select(AllowedElements).ToArray();
        AromaticAtoms = atoms.Count(RequiresAromatic);
        FirstBonds = bonds.Where(b => b.A == 0 || b.B == 0).Select(b => b.Expr).ToArray();
        Fast = this;
        Order = Enumerable.Range(0, atoms.Length).ToArray();
        RequiredBondOrders = bonds.Select(b => b.Expr.Kind switch
        {
            SmartsKind.BondDouble => 2,
            SmartsKind.BondTriple => 3,
            SmartsKind.BondAromatic => Bond.AromaticOrder,
            _ => 0,
        }).Where(o => o > 0).Distinct().ToArray();
    }

    /// <summary>Bond orders (2, 3, aromatic) that some query bond demands: a molecule lacking one cannot match.</summary>
    internal int[] RequiredBondOrders { get; }

    /// <summary>The same query with atoms reordered so that searches start at the most selective atom.</summary>
    internal SmartsPattern Fast { get; private set; }

    /// <summary>For each atom position of this pattern, the atom index in the pattern as written.</summary>
    internal int[] Order { get; private set; }

    /// <summary>Builds <see cref="Fast"/>: per component, breadth-first from the most selective atom.</summary>
    internal void Optimize()
    {
        int n = Atoms.Length;
        var adj = new List<int>[n];
        for (int k = 0; k < n; k++) adj[k] = new List<int>();
        foreach (var (a, b, _) in Bonds) { adj[a].Add(b); adj[b].Add(a); }
        var order = new List<int>(n);
        var placed = new bool[n];
        foreach (int comp in Component.Distinct())
        {
            int start = -1, best = -1;
            for (int k = 0; k < n; k++)
            {
                if (Component[k] != comp) continue;
                int score = Allowed[k] is not { } set ? 0 : set[6] ? 1 : 3;
                if (score > best) { best = score; start = k; }
            }
            var queue = new Queue<int>();
            queue.Enqueue(start);
            placed[start] = true;
            while (queue.Count > 0)
            {
                int v = queue.Dequeue();
                order.Add(v);
                foreach (int w in adj[v]) if (!placed[w]) { placed[w] = true; queue.Enqueue(w); }
            }
        }
        if (order.Count != n || order.SequenceEqual(Enumerable.Range(0, n))) return;
        var pos = new int[n];
        for (int k = 0; k < n; k++) pos[order[k]] = k;
        var fast = new SmartsPattern(
            Text, order.Select(k => Atoms[k]).ToArray(), Bonds.Select(b => (pos[b.A], pos[b.B], b.Expr)).ToArray(),
            order.Select(k => Component[k]).ToArray());
        fast.Order = order.ToArray();
        Fast = fast;
    }

    /// <summary>Per query atom, the atomic numbers it can match (null when any).</summary>
    internal bool[]?[] Allowed { get; }

    /// <summary>Number of query atoms that must be aromatic.</summary>
    internal int AromaticAtoms { get; }

    /// <summary>Bond expressions at the first query atom: a candidate needs a bond matching each.</summary>
    internal SmartsNode[] FirstBonds { get; }

    private static bool[]? AllowedElements(SmartsNode e)
    {
        switch (e.Kind)
        {
            case SmartsKind.AliphaticElement or SmartsKind.AromaticElement or SmartsKind.AtomicNumber or SmartsKind.Element:
                var one = new bool[ElementTable.Symbols.Length];
                if (e.Value >= 0 && e.Value < one.Length) one[e.Value] = true;
                return one;
            case SmartsKind.Or:
                var l = AllowedElements(e.Children![0]);
                var r = AllowedElements(e.Children[1]);
                if (l is null || r is null) return null;
                for (int z = 0; z < l.Length; z++) l[z] |= r[z];
                return l;
            case SmartsKind.And:
                var x = AllowedElements(e.Children![0]);
                var y = AllowedElements(e.Children[1]);
                if (x is null) return y;
                if (y is null) return x;
                for (int z = 0; z < x.Length; z++) x[z] &= y[z];
                return x;
            default:
                return null;
        }
    }

    private static bool RequiresAromatic(SmartsNode e) => e.Kind switch
    {
        SmartsKind.Aromatic or SmartsKind.AromaticElement => true,
        SmartsKind.And => RequiresAromatic(e.Children![0]) || RequiresAromatic(e.Children[1]),
        _ => false,
    };

    /// <summary>Atomic numbers that some query atom fixes: a molecule lacking one cannot match.</summary>
    internal int[] RequiredElements { get; }

    /// <summary>The atomic number the first query atom must have, or -1 when it is not fixed.</summary>
    internal int FirstElement { get; }

    private static int RequiredElement(SmartsNode e) => e.Kind switch
    {
        SmartsKind.AliphaticElement or SmartsKind.AromaticElement or SmartsKind.AtomicNumber or SmartsKind.Element => e.Value,
        SmartsKind.And => RequiredElement(e.Children![0]) is >= 0 and var z ? z : RequiredElement(e.Children[1]),
        _ => -1,
    };

    /// <summary>The SMARTS text this pattern was built from.</summary>
    public string Text { get; }

    /// <summary>Parses a SMARTS string.</summary>
    /// <exception cref="SmilesException">The SMARTS is malformed; the message names the position.</exception>
    public static SmartsPattern Parse(string smarts) => SmartsParser.Parse(smarts);

    /// <summary>True when the pattern occurs in the molecule.</summary>
    public bool IsMatch(Molecule molecule) => new SmartsMatcher(molecule).Any(this);

    /// <summary>All distinct matches (each a unique set of atoms), as molecule atom indices in query atom order.</summary>
    public IReadOnlyList<int[]> Matches(Molecule molecule) => new SmartsMatcher(molecule).All(this);

    /// <summary>Number of distinct matches (unique atom sets), as RDKit's uniquified GetSubstructMatches counts them.</summary>
    public int CountMatches(Molecule molecule) => new SmartsMatcher(molecule).All(this).Count;

    /// <summary>True when the pattern matches with its first query atom on the given molecule atom.</summary>
    public bool MatchesAtom(Molecule molecule, int atomIndex) => new SmartsMatcher(molecule).MatchesAt(this, atomIndex);

    /// <inheritdoc />
    public override string ToString() => Text;
}
