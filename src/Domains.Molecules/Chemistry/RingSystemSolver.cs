namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>SSSR of one ring system (a connected set of ring bonds).</summary>
internal sealed class RingSystemSolver(Molecule mol, List<int> atoms, List<int> bonds)
{
    private readonly Dictionary<int, int> _localBond = new();

    public void Solve()
    {
        for (int i = 0; i < bonds.Count; i++) _localBond[bonds[i]] = i;
        int need = bonds.Count - atoms.Count + 1;
        var candidates = new List<int[]>();
        var seen = new HashSet<string>();
        foreach (int bi in bonds)
        {
            var b = mol.Bonds[bi];
            var cycle = ShortestPath(b.A, b.B, bi);
            if (cycle is null) continue;
            cycle.Add(bi);
            AddCandidate(candidates, seen, cycle);
        }
        // Cycles through pairs of adjacent ring bonds find every face of bridged systems (adamantane, cubane);
        // skipped for very large ring systems to keep the work bounded.
        if (bonds.Count <= 300)
        {
            foreach (int bi in bonds)
            {
                var b = mol.Bonds[bi];
                foreach (int alt in mol.Atoms[b.A].Bonds)
                {
                    if (alt == bi || !_localBond.ContainsKey(alt)) continue;
                    var path = ShortestPath(mol.Bonds[alt].Other(b.A), b.B, bi, b.A);
                    if (path is null) continue;
                    path.Add(bi);
                    path.Add(alt);
                    AddCandidate(candidates, seen, path);
                }
            }
        }
        var chosen = Select(candidates, need);
        // RDKit's symmetrized SSSR: add other candidate rings no larger than an SSSR ring they share a bond with.
        var chosenKeys = new HashSet<string>(chosen.Select(c => string.Join(",", c)));
        var extras = new List<int[]>();
        foreach (var c in candidates.OrderBy(c => c.Length))
        {
            if (chosenKeys.Contains(string.Join(",", c))) continue;
            bool same = chosen.Any(r => r.Length == c.Length && r.Intersect(c).Any());
            if (same && c.Length <= chosen.Max(r => r.Length)) extras.Add(c);
        }
        chosen.AddRange(extras);
        foreach (var ringBonds in chosen) Store(ringBonds);
    }

    private void AddCandidate(List<int[]> candidates, HashSet<string> seen, List<int> cycle)
    {
        var arr = cycle.ToArray();
        Array.Sort(arr);
        if (seen.Add(string.Join(",", arr))) candidates.Add(arr);
    }

    private List<int[]> Select(List<int[]> candidates, int need)
    {
        var ordered = candidates.OrderBy(c => c.Length).ToList();
        int words = (bonds.Count + 63) / 64;
        var basis = new List<(ulong[] Vec, int Pivot)>();
        var chosen = new List<int[]>();
        foreach (var cyc in ordered)
        {
            if (chosen.Count == need) break;
            var v = new ulong[words];
            foreach (int bi in cyc) { int l = _localBond[bi]; v[l >> 6] ^= 1UL << (l & 63); }
            foreach (var (bv, pivot) in basis)
            {
                if ((v[pivot >> 6] & (1UL << (pivot & 63))) != 0)
                    for (int w = 0; w < words; w++) v[w] ^= bv[w];
            }
            int p = FirstBit(v);
            if (p < 0) continue;
            basis.Add((v, p));
            chosen.Add(cyc);
        }
        return chosen;
    }

    private static int FirstBit(ulong[] v)
    {
        for (int w = 0; w < v.Length; w++)
            if (v[w] != 0) return w * 64 + System.Numerics.BitOperations.TrailingZeroCount(v[w]);
        return -1;
    }

    /// <summary>Bonds of a shortest path from <paramref name="from"/> to <paramref name="to"/> avoiding one bond and one atom.</summary>
    private List<int>? ShortestPath(int from, int to, int avoidBond, int avoidAtom = -1)
    {
        var prevBond = new Dictionary<int, int> { [from] = -1 };
        if (avoidAtom >= 0) prevBond[avoidAtom] = -2;
        var queue = new Queue<int>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            int a = queue.Dequeue();
            if (a == to) break;
            foreach (int bi in mol.Atoms[a].Bonds)
            {
                if (bi == avoidBond || !_localBond.ContainsKey(bi)) continue;
                int o = mol.Bonds[bi].Other(a);
                if (prevBond.ContainsKey(o)) continue;
                prevBond[o] = bi;
                queue.Enqueue(o);
            }
        }
        if (!prevBond.ContainsKey(to) || to == avoidAtom) return null;
        var path = new List<int>();
        for (int x = to; prevBond[x] >= 0; x = mol.Bonds[prevBond[x]].Other(x)) path.Add(prevBond[x]);
        return path;
    }

    private void Store(int[] ringBonds)
    {
        // Walk the cycle to order its atoms.
        var adj = new Dictionary<int, List<int>>();
        foreach (int bi in ringBonds)
        {
            var b = mol.Bonds[bi];
            (adj.TryGetValue(b.A, out var la) ? la : adj[b.A] = new List<int>()).Add(b.B);
            (adj.TryGetValue(b.B, out var lb) ? lb : adj[b.B] = new List<int>()).Add(b.A);
        }
        int start = mol.Bonds[ringBonds[0]].A;
        var ring = new List<int> { start };
        int prev = -1, cur = start;
        while (ring.Count < ringBonds.Length)
        {
            int next = adj[cur][0] != prev ? adj[cur][0] : adj[cur][1];
            ring.Add(next);
            prev = cur;
            cur = next;
        }
        var orderedBonds = new int[ring.Count];
        for (int i = 0; i < ring.Count; i++) orderedBonds[i] = mol.FindBond(ring[i], ring[(i + 1) % ring.Count]);
        mol.AtomRings.Add(ring.ToArray());
        mol.BondRings.Add(orderedBonds);
    }
}
