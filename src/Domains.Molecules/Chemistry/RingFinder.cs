// Ring perception: ring bonds by bridge detection, then a smallest set of smallest rings per ring system
// (shortest cycle through each ring bond, kept when linearly independent over GF(2), smallest first).
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Finds ring bonds and the SSSR; iterative throughout.</summary>
internal static class RingFinder
{
    public static void Perceive(Molecule mol)
    {
        int n = mol.Atoms.Count;
        MarkRingBonds(mol);
        mol.AtomRings = new List<int[]>();
        mol.BondRings = new List<int[]>();
        var system = new int[n];
        Array.Fill(system, -1);
        var stack = new Stack<int>();
        var atoms = new List<int>();
        var bonds = new List<int>();
        var buffers = new RingBuffers(n, mol.Bonds.Count);
        for (int s = 0; s < n; s++)
        {
            if (system[s] >= 0 || !mol.Atoms[s].InRing) continue;
            atoms.Clear();
            bonds.Clear();
            system[s] = s;
            stack.Push(s);
            while (stack.Count > 0)
            {
                int a = stack.Pop();
                atoms.Add(a);
                foreach (int bi in mol.Atoms[a].Bonds)
                {
                    var b = mol.Bonds[bi];
                    if (!b.InRing) continue;
                    int o = b.Other(a);
                    if (a < o) bonds.Add(bi);
                    if (system[o] < 0) { system[o] = s; stack.Push(o); }
                }
            }
            new RingSystemSolver(mol, atoms, bonds, buffers).Solve();
        }
    }

    private static void MarkRingBonds(Molecule mol)
    {
        int n = mol.Atoms.Count;
        var disc = new int[n];
        var low = new int[n];
        var parentBond = new int[n];
        var iter = new int[n];
        int time = 0;
        foreach (var b in mol.Bonds) b.InRing = false;
        var stack = new Stack<int>();
        for (int r = 0; r < n; r++)
        {
            if (disc[r] != 0) continue;
            disc[r] = low[r] = ++time;
            parentBond[r] = -1;
            stack.Push(r);
            while (stack.Count > 0)
            {
                int v = stack.Peek();
                var vb = mol.Atoms[v].Bonds;
                if (iter[v] < vb.Count)
                {
                    int bi = vb[iter[v]++];
                    if (bi == parentBond[v]) continue;
                    int w = mol.Bonds[bi].Other(v);
                    if (disc[w] == 0)
                    {
                        disc[w] = low[w] = ++time;
                        parentBond[w] = bi;
                        stack.Push(w);
                    }
                    else if (disc[w] < disc[v])
                    {
                        // A back edge always closes a cycle.
                        low[v] = Math.Min(low[v], disc[w]);
                        mol.Bonds[bi].InRing = true;
                    }
                }
                else
                {
                    stack.Pop();
                    if (parentBond[v] >= 0)
                    {
                        int p = mol.Bonds[parentBond[v]].Other(v);
                        low[p] = Math.Min(low[p], low[v]);
                        if (low[v] <= disc[p]) mol.Bonds[parentBond[v]].InRing = true;
                    }
                }
            }
        }
        foreach (var a in mol.Atoms)
        {
            a.InRing = false;
            foreach (int bi in a.Bonds) if (mol.Bonds[bi].InRing) { a.InRing = true; break; }
        }
    }
}
