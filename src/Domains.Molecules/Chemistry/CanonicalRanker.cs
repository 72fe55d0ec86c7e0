// Canonical atom ranking: iterative refinement of atom invariants by neighbour classes (Weininger's CANON idea),
// with tetrahedral parity as an extra invariant once neighbours are distinguishable, then tie-breaking.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Canonical ranks and stereo-significance for the atoms of a molecule.</summary>
internal sealed class CanonicalRanker
{
    private readonly Molecule _m;
    private readonly int _n;
    private long[] _cls;

    private CanonicalRanker(Molecule m)
    {
        _m = m;
        _n = m.Atoms.Count;
        _cls = new long[_n];
    }

    /// <summary>
    /// Distinct ranks 0..n-1 (one array, or several candidate orders when ring stereo such as cis/trans-1,4-disubstituted
    /// rings needs every tie-break of the ring's equivalent neighbours tried), which chiral atoms keep their chirality,
    /// and the symmetry classes before tie-breaking.
    /// </summary>
    public static (List<int[]> Candidates, bool[] KeepChirality, long[] Symmetry) Rank(Molecule m)
    {
        var r = new CanonicalRanker(m);
        r.Initial();
        r.Refine();
        var keep = new bool[r._n];
        var doneBond = new bool[m.Bonds.Count];
        for (int pass = 0; pass < 4; pass++)
        {
            var parity = new int[r._n];
            bool changed = false;
            for (int i = 0; i < r._n; i++)
            {
                if (m.Atoms[i].Chirality == 0 || keep[i]) continue;
                parity[i] = r.Parity(i);
                if (parity[i] == 0) continue;
                keep[i] = true;
                changed = true;
            }
            for (int d = 0; d < m.Bonds.Count; d++)
            {
                if (doneBond[d]) continue;
                int label = r.CisTrans(d);
                if (label == 0) continue;
                doneBond[d] = true;
                parity[m.Bonds[d].A] += 3 * label;
                parity[m.Bonds[d].B] += 3 * label;
                changed = true;
            }
            if (!changed) break;
            for (int i = 0; i < r._n; i++) r._cls[i] = r._cls[i] * 16 + parity[i];
            r.Normalize();
            r.Refine();
        }
        var symmetry = (long[])r._cls.Clone();
        var relevant = r.RingStereo(keep);
        var candidates = new List<int[]>();
        r.Explore(relevant, candidates, 0);
        return (candidates, keep, symmetry);
    }

    /// <summary>
    /// Marks ring stereocentres whose ring neighbours are still tied (at least two such centres) as kept, and returns
    /// the atoms whose tie-breaks decide how they are written (their neighbours); null when there are none.
    /// </summary>
    private bool[]? RingStereo(bool[] keep)
    {
        var centres = new List<int>();
        for (int i = 0; i < _n; i++)
        {
            var a = _m.Atoms[i];
            if (a.Chirality == 0 || keep[i] || !a.InRing || a.TotalDegree != 4) continue;
            var nbrs = Stereo.InputOrder(_m, i).Where(x => x >= 0).ToList();
            bool tiedRing = false;
            for (int x = 0; x < nbrs.Count; x++)
                for (int y = x + 1; y < nbrs.Count; y++)
                    if (_cls[nbrs[x]] == _cls[nbrs[y]])
                    {
                        if (!_m.Atoms[nbrs[x]].InRing || !_m.Atoms[nbrs[y]].InRing) goto NotRing;
                        tiedRing = true;
                    }
            if (tiedRing) centres.Add(i);
            NotRing:;
        }
        if (centres.Count < 2) return null;
        var relevant = new bool[_n];
        foreach (int c in centres)
        {
            keep[c] = true;
            foreach (int x in Stereo.InputOrder(_m, c)) if (x >= 0) relevant[x] = true;
        }
        return relevant;
    }

    /// <summary>Breaks ties; branches over every member of tied classes holding a relevant atom (bounded), others deterministically.</summary>
    private void Explore(bool[]? relevant, List<int[]> leaves, int depth)
    {
        int best = -1;
        if (relevant is not null && depth < 4 && leaves.Count < 16 && _count < _n)
        {
            var size = new int[_count];
            for (int i = 0; i < _n; i++) size[_cls[i]]++;
            for (int i = 0; i < _n; i++)
                if (relevant[i] && size[_cls[i]] > 1 && (best < 0 || _cls[i] < best)) best = (int)_cls[i];
        }
        if (best < 0)
        {
            while (BreakTie()) Refine();
            var ranks = new int[_n];
            for (int i = 0; i < _n; i++) ranks[i] = (int)_cls[i];
            leaves.Add(ranks);
            return;
        }
        var saved = (long[])_cls.Clone();
        int savedCount = _count;
        for (int member = 0; member < _n; member++)
        {
            if (saved[member] != best) continue;
            _cls = (long[])saved.Clone();
            _count = savedCount;
            for (int i = 0; i < _n; i++)
                if (_cls[i] > best || (_cls[i] == best && i != member)) _cls[i]++;
            _count++;
            Refine();
            Explore(relevant, leaves, depth + 1);
        }
    }

    private void Initial()
    {
        for (int i = 0; i < _n; i++)
        {
            var a = _m.Atoms[i];
            long v = a.Element;
            v = v * 1024 + Math.Min(a.Isotope, 1023);
            v = v * 64 + a.Charge + 32;
            v = v * 16 + Math.Min(a.Degree, 15);
            v = v * 16 + Math.Min(a.Hydrogens, 15);
            v = v * 2 + (a.Aromatic ? 1 : 0);
            v = v * 8 + Math.Min(_m.AtomRingCount[i], 7);
            v = v * 8 + Math.Min(a.Radicals, 7);
            v = v * 1024 + Math.Min(a.AtomClass, 1023);
            _cls[i] = v;
        }
        Normalize();
    }

    /// <summary>Replaces class values by dense ranks 0..k-1 preserving order; returns k.</summary>
    private int Normalize()
    {
        var idx = new int[_n];
        for (int i = 0; i < _n; i++) idx[i] = i;
        var keys = (long[])_cls.Clone();
        Array.Sort(keys, idx);
        int k = -1;
        long prev = long.MinValue;
        for (int j = 0; j < _n; j++)
        {
            if (j == 0 || keys[j] != prev) k++;
            prev = keys[j];
            _cls[idx[j]] = k;
        }
        _count = k + 1;
        return _count;
    }

    private int _count;

    private void Refine()
    {
        var hash = new ulong[_n];
        Span<long> nb = stackalloc long[16];
        while (true)
        {
            for (int i = 0; i < _n; i++)
            {
                var bonds = _m.Atoms[i].Bonds;
                var list = bonds.Count <= 16 ? nb[..bonds.Count] : new long[bonds.Count];
                for (int k = 0; k < bonds.Count; k++)
                {
                    var b = _m.Bonds[bonds[k]];
                    list[k] = _cls[b.Other(i)] * 8 + b.Order;
                }
                list.Sort();
                ulong h = 1469598103934665603UL;
                foreach (long x in list) h = (h ^ (ulong)x) * 1099511628211UL + 0x9E3779B97F4A7C15UL;
                hash[i] = h;
            }
            var keys = new RankKey[_n];
            for (int i = 0; i < _n; i++) keys[i] = new RankKey(_cls[i], hash[i], i);
            Array.Sort(keys);
            var next = new long[_n];
            int k2 = -1;
            for (int j = 0; j < _n; j++)
            {
                if (j == 0 || keys[j].Cls != keys[j - 1].Cls || keys[j].Hash != keys[j - 1].Hash) k2++;
                next[keys[j].Atom] = k2;
            }
            bool changed = k2 + 1 != _count;
            _cls = next;
            _count = k2 + 1;
            if (!changed) return;
        }
    }

    /// <summary>Splits the lowest tied class by promoting its first member; false when all classes are distinct.</summary>
    private bool BreakTie()
    {
        if (_count == _n) return false;
        var size = new int[_count];
        var first = new int[_count];
        for (int i = _n - 1; i >= 0; i--) { size[_cls[i]]++; first[_cls[i]] = i; }
        int best = Array.FindIndex(size, c => c > 1);
        if (best < 0) return false;
        int bestAtom = first[best];
        for (int i = 0; i < _n; i++)
        {
            if (_cls[i] > best || (_cls[i] == best && i != bestAtom)) _cls[i]++;
        }
        _count++;
        return true;
    }

    /// <summary>1 cis or 2 trans for the highest-class substituents of a stereo double bond; 0 when not decidable yet.</summary>
    private int CisTrans(int d)
    {
        var b = _m.Bonds[d];
        if (b.Order != 2 || (b.InRing && Math.Min(_m.AtomMinRing[b.A], _m.AtomMinRing[b.B]) < 8)) return 0;
        var sa = DoubleBondStereo.SidesOf(_m, b.A, d);
        var sb = DoubleBondStereo.SidesOf(_m, b.B, d);
        if (sa.Count == 0 || sb.Count == 0) return 0;
        int ua = TopSide(b.A, sa), ub = TopSide(b.B, sb);
        if (ua == 0 || ub == 0) return 0;
        return ua == ub ? 1 : 2;
    }

    /// <summary>Side of the substituent with the highest class, or 0 when two substituents share a class.</summary>
    private int TopSide(int atom, List<(int Bond, int Side)> sides)
    {
        if (sides.Count == 1) return sides[0].Side;
        long c0 = _cls[_m.Bonds[sides[0].Bond].Other(atom)], c1 = _cls[_m.Bonds[sides[1].Bond].Other(atom)];
        if (c0 == c1) return 0;
        return c0 > c1 ? sides[0].Side : sides[1].Side;
    }

    /// <summary>1 or 2: chirality relative to neighbours sorted by class; 0 when two neighbours share a class.</summary>
    private int Parity(int i)
    {
        var input = Stereo.InputOrder(_m, i);
        if (input.Count < 3) return 0;
        var sorted = input.OrderBy(x => x < 0 ? -1 : _cls[x]).ToList();
        for (int k = 1; k < sorted.Count; k++)
        {
            long prev = sorted[k - 1] < 0 ? -1 : _cls[sorted[k - 1]];
            long cur = sorted[k] < 0 ? -1 : _cls[sorted[k]];
            if (prev == cur) return 0;
        }
        return Stereo.Permute(_m.Atoms[i].Chirality, input, sorted);
    }
}
