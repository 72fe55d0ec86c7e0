// RDKit's strict rotatable-bond definition (CalcNumRotatableBonds default), evaluated directly rather than by SMARTS:
// a non-ring single bond between two atoms that are not terminal, not triple-bonded, not CX3 (X = F, Cl, Br) or
// tert-butyl centres, and, for at least one orientation, the first atom not on the carbon side of an amide-like bond.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Counts rotatable bonds as RDKit's strict SMARTS does.</summary>
internal static class RotatableBonds
{
    public static int Count(Molecule m)
    {
        int n = 0;
        for (int bi = 0; bi < m.Bonds.Count; bi++)
        {
            var b = m.Bonds[bi];
            if (b.Order != 1 || b.InRing) continue;
            if (!Common(m, b.A) || !Common(m, b.B)) continue;
            if (NotAmideLike(m, b.A) || NotAmideLike(m, b.B)) n++;
        }
        return n;
    }

    /// <summary>[!$(*#*)&amp;!D1&amp;!$(C(F)(F)F)&amp;!$(C(Cl)(Cl)Cl)&amp;!$(C(Br)(Br)Br)&amp;!$(C([CH3])([CH3])[CH3])].</summary>
    private static bool Common(Molecule m, int i)
    {
        var a = m.Atoms[i];
        if (a.Degree == 1) return false;
        int f = 0, cl = 0, br = 0, methyl = 0;
        foreach (int bi in a.Bonds)
        {
            var b = m.Bonds[bi];
            if (b.Order == 3) return false;
            var o = m.Atoms[b.Other(i)];
            if (b.Order is not (1 or Bond.AromaticOrder)) continue;
            switch (o.Element)
            {
                case 9: f++; break;
                case 17: cl++; break;
                case 35: br++; break;
                case 6 when !o.Aromatic && MoleculeGraph.TotalH(m, b.Other(i)) == 3: methyl++; break;
            }
        }
        bool aliphaticC = a.Element == 6 && !a.Aromatic;
        return !(aliphaticC && (f >= 3 || cl >= 3 || br >= 3 || methyl >= 3));
    }

    /// <summary>
    /// The first-atom exclusions: [CD3](=[N,O,S])-!@[#7,O,S!D1], [#7,O,S!D1]-!@[CD3]=[N,O,S],
    /// [CD3](=[N+])-!@[#7!D1] and [#7!D1]-!@[CD3]=[N+].
    /// </summary>
    private static bool NotAmideLike(Molecule m, int x)
    {
        if (IsCd3(m, x))
        {
            if (HasDoubleTo(m, x, plus: false) && HasChainSingleTo(m, x, plusPartner: false)) return false;
            if (HasDoubleTo(m, x, plus: true) && HasChainSingleTo(m, x, plusPartner: true)) return false;
        }
        bool hetero = IsPartner(m, x, plusPartner: false), nitrogen = IsPartner(m, x, plusPartner: true);
        if (!hetero && !nitrogen) return true;
        foreach (int bi in m.Atoms[x].Bonds)
        {
            var b = m.Bonds[bi];
            if (b.Order != 1 || b.InRing) continue;
            int y = b.Other(x);
            if (!IsCd3(m, y)) continue;
            if (hetero && HasDoubleTo(m, y, plus: false)) return false;
            if (nitrogen && HasDoubleTo(m, y, plus: true)) return false;
        }
        return true;
    }

    private static bool IsCd3(Molecule m, int i) => m.Atoms[i] is { Element: 6, Aromatic: false, Degree: 3 };

    private static bool HasChainSingleTo(Molecule m, int i, bool plusPartner)
    {
        foreach (int bi in m.Atoms[i].Bonds)
        {
            var b = m.Bonds[bi];
            if (b.Order == 1 && !b.InRing && IsPartner(m, b.Other(i), plusPartner)) return true;
        }
        return false;
    }

    /// <summary>Double bond to aliphatic N, O or S of any charge, or (<paramref name="plus"/>) to aliphatic [N+].</summary>
    private static bool HasDoubleTo(Molecule m, int i, bool plus)
    {
        foreach (int bi in m.Atoms[i].Bonds)
        {
            var b = m.Bonds[bi];
            if (b.Order != 2) continue;
            var o = m.Atoms[b.Other(i)];
            if (o.Aromatic) continue;
            if (plus ? o.Element == 7 && o.Charge == 1 : o.Element is 7 or 8 or 16) return true;
        }
        return false;
    }

    /// <summary>[#7,O,S!D1], or [#7!D1] when <paramref name="plusPartner"/>.</summary>
    private static bool IsPartner(Molecule m, int i, bool plusPartner)
    {
        var a = m.Atoms[i];
        if (plusPartner) return a.Element == 7 && a.Degree != 1;
        return a.Element == 7 || (a.Element == 8 && !a.Aromatic) || (a.Element == 16 && !a.Aromatic && a.Degree != 1);
    }
}
