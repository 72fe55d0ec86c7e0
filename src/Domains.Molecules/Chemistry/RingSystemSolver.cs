namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>SSSR of one ring system (a connected set of ring bonds), plus RDKit's symmetric extra rings.</summary>
internal sealed class RingSystemSolver(Molecule mol, List<int> atoms, List<int> bonds, RingBuffers buffers)
{
    private readonly int[] _local = buffers.LocalBond;

    public void Solve()
    {
        if (bonds.Count == atoms.Count)
        {
            // A single ring: the system is its own SSSR.
            Store(bonds.ToArray());
            return;
        }
        for (int i = 0; i < bonds.Count; i++) _local[bonds[i]] = i;
        try
        {
            SolveSystem();
        }
        finally
        {
            foreach (int bi in bonds) _local[bi] = -1;
        }
    }

    private void SolveSystem()
    {
        int need = bonds.Count - atoms.Count + 1;
        var candidates = new List<int[]>();
        var seen = new HashSet<int[]>(IntArrayComparer.Instance);
        foreach (int bi in bonds)
        {
            var b = mol.Bonds[bi];
            var cycle = ShortestPath(b.A, b.B, bi, -1);
            if (cycle is null) continue;
            cycle.Add(bi);
            AddCandidate(candidates, seen, cycle);
        }
        // Cycles through pairs of ring bonds at branch atoms find every face of bridged systems (adamantane, cubane);
        // skipped for very large ring systems to keep the work bounded.
        if (bonds.Count <= 300)
        {
            foreach (int a in atoms)
            {
                var ab = mol.Atoms[a].Bonds.Where(bi => _local[bi] >= 0).ToList();
                if (ab.Count < 3) continue;
                foreach (int bi in ab)
                {
                    foreach (int alt in ab)
                    {
                        if (alt <= bi) continue;
                        var path = ShortestPath(mol.Bonds[alt].Other(a), mol.Bonds[bi].Other(a), -1, a);
                        if (path is null) continue;
                        path.Add(bi);
                        path.Add(alt);
                        AddCandidate(candidates, seen, path);
                    }
                }
            }
        }
        candidates.Sort((x, y) => x.Length.CompareTo(y.Length));
        var chosen = Select(candidates, need);
        // RDKit's symmetrized SSSR: add other candidate rings no larger than an SSSR ring they share a bond with.
        var chosenSet = new HashSet<int[]>(chosen, IntArrayComparer.Instance);
        int maxLen = chosen.Count == 0 ? 0 : chosen.Max(r => r.Length);
        var extras = new List<int[]>();
        foreach (var c in candidates)
        {
            if (c.Length > maxLen || chosenSet.Contains(c)) continue;
            if (chosen.Any(r => r.Length == c.Length && r.Intersect(c).Any())) extras.Add(c);
        }
        chosen.AddRange(extras);
        foreach (var ringBonds in chosen) Store(ringBonds);
    }

    private static void AddCandidate(List<int[]> candidates, HashSet<int[]> seen, List<int> cycle)
    {
        var arr = cycle.ToArray();
        Array.Sort(arr);
        if (seen.Add(arr)) candidates.Add(arr);
    }

    private List<int[]> Select(List<int[]> ordered, int need)
    {
        int words = (bonds.Count + 63) / 64;
        var basis = new List<(ulong[] Vec, int Pivot)>();
        var chosen = new List<int[]>();
        foreach (var cyc in ordered)
        {
            if (chosen.Count == need) break;
            var v = new ulong[words];
            foreach (int bi in cyc) { int l = _local[bi]; v[l >> 6] ^= 1UL << (l & 63); }
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

    /// <summary>Bonds of a shortest path between two atoms within the system, avoiding one bond and one atom.</summary>
    private List<int>? ShortestPath(int from, int to, int avoidBond, int avoidAtom)
    {
        int stamp = ++buffers.Stamp;
        var mark = buffers.Mark;
        var prev = buffers.PrevBond;
        var queue = buffers.Queue;
        queue.Clear();
        mark[from] = stamp;
        prev[from] = -1;
        if (avoidAtom >= 0) mark[avoidAtom] = stamp;
        queue.Enqueue(from);
        bool found = from == to;
        while (queue.Count > 0 && !found)
        {
            int a = queue.Dequeue();
            foreach (int bi in mol.Atoms[a].Bonds)
            {
                if (bi == avoidBond || _local[bi] < 0) continue;
                int o = mol.Bonds[bi].Other(a);
                if (mark[o] == stamp) continue;
                mark[o] = stamp;
                prev[o] = bi;
                if (o == to) { found = true; break; }
                queue.Enqueue(o);
            }
        }
        if (!found) return null;
        var path = new List<int>();
        for (int x = to; prev[x] >= 0; x = mol.Bonds[prev[x]].Other(x)) path.Add(prev[x]);
        return path;
    }

    private void Store(int[] ringBonds)
    {
        // Walk the cycle to order its atoms.
        var ring = new List<int>(ringBonds.Length);
        var used = new HashSet<int>();
        var first = mol.Bonds[ringBonds[0]];
        ring.Add(first.A);
        used.Add(ringBonds[0]);
        int cur = first.B;
        while (ring.Count < ringBonds.Length)
        {
            ring.Add(cur);
            foreach (int bi in ringBonds)
            {
                if (used.Contains(bi)) continue;
                var b = mol.Bonds[bi];
                if (b.A != cur && b.B != cur) continue;
                used.Add(bi);
                cur = b.Other(cur);
                break;
            }
        }
        var orderedBonds = new int[ring.Count];
        for (int i = 0; i < ring.Count; i++) orderedBonds[i] = mol.FindBond(ring[i], ring[(i + 1) % ring.Count]);
        mol.AtomRings.Add(ring.ToArray());
        mol.BondRings.Add(orderedBonds);
    }
}
