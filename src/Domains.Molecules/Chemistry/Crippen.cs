// Crippen logP and molar refractivity: sum of atom-type contributions (Wildman & Crippen 1999, RDKit's typing).
using System.Collections.Frozen;
using System.Collections.Immutable;

namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Wildman-Crippen logP and molar refractivity.</summary>
internal static class Crippen
{
    private static readonly ImmutableArray<(SmartsPattern Pattern, CrippenTable.Entry Entry)> HeavyTypes =
        [.. CrippenTable.Entries.Where(e => !IsHydrogenType(e)).Select(e => (SmartsParser.Parse(e.Smarts), e))];

    private static readonly FrozenDictionary<string, CrippenTable.Entry> HydrogenTypes =
        CrippenTable.Entries.Where(IsHydrogenType).GroupBy(e => e.Id).ToFrozenDictionary(g => g.Key, g => g.First());

    /// <summary>For each atomic number, the heavy-atom types whose first atom can have that element, in table order.</summary>
    private static readonly ImmutableArray<ImmutableArray<(SmartsPattern Pattern, CrippenTable.Entry Entry)>> TypesByElement =
        Enumerable.Range(0, ElementTable.Symbols.Length)
            .Select(z => HeavyTypes.Where(t => t.Pattern.Allowed[0] is not { } allowed || allowed[z]).ToImmutableArray())
            .ToImmutableArray();

    private static bool IsHydrogenType(CrippenTable.Entry e) => e.Smarts.StartsWith("[#1]", StringComparison.Ordinal);

    /// <summary>(logP, MR) of a molecule.</summary>
    public static (double LogP, double Mr) Compute(Molecule m, SmartsMatcher? shared = null)
    {
        double logp = 0, mr = 0;
        var matcher = shared ?? new SmartsMatcher(m);
        for (int i = 0; i < m.Atoms.Count; i++)
        {
            var a = m.Atoms[i];
            if (a.Element == 1)
            {
                int parent = a.Bonds.Count == 1 ? m.Bonds[a.Bonds[0]].Other(i) : -1;
                var h = HydrogenTypes[HydrogenType(m, parent, i)];
                logp += h.LogP;
                mr += h.Mr;
                continue;
            }
            foreach (var (pattern, entry) in TypesByElement[a.Element])
            {
                if (!matcher.MatchesAt(pattern, i)) continue;
                logp += entry.LogP;
                mr += entry.Mr;
                break;
            }
            if (a.Hydrogens > 0)
            {
                var h = HydrogenTypes[HydrogenType(m, i, -1)];
                logp += a.Hydrogens * h.LogP;
                mr += a.Hydrogens * h.Mr;
            }
        }
        return (logp, mr);
    }

    /// <summary>Crippen hydrogen type of a hydrogen on atom <paramref name="p"/> (the H itself is <paramref name="self"/>, or -1 when implicit).</summary>
    private static string HydrogenType(Molecule m, int p, int self)
    {
        if (p < 0) return "HS";
        var a = m.Atoms[p];
        if (a.Element is 6 or 1) return "H1";
        bool aliphaticO = a.Element == 8 && !a.Aromatic;
        int otherH = MoleculeGraph.TotalH(m, p) - 1;
        if (aliphaticO)
        {
            foreach (int nb in Neighbors(m, p, self))
            {
                var o = m.Atoms[nb];
                if (o.Element == 6 && (o.Aromatic || o.Degree + o.Hydrogens == 4)) return "H2";
            }
            if (otherH > 0) return "H2";
            // RDKit's typing treats [!C;!N;!O;!S] here by element, aromatic or not.
            foreach (int nb in Neighbors(m, p, self))
            {
                if (!(m.Atoms[nb].Element is 6 or 7 or 8 or 16)) return "H2";
            }
        }
        // RDKit types hydrogens on aromatic nitrogen as H3 as well.
        if (a.Element == 7) return "H3";
        if (a.Element != 8 || a.Aromatic) return "H2";
        foreach (int nb in Neighbors(m, p, self)) if (m.Atoms[nb].Element == 7) return "H3";
        foreach (int nb in Neighbors(m, p, self))
        {
            var o = m.Atoms[nb];
            if (o.Element == 6 && !o.Aromatic)
            {
                foreach (int bi in o.Bonds)
                {
                    var b = m.Bonds[bi];
                    var x = m.Atoms[b.Other(nb)];
                    if (b.Order == 2 && (x.Element is 6 or 7 || (!x.Aromatic && x.Element is 8 or 16))) return "H4";
                }
            }
            if (!o.Aromatic && o.Element is 8 or 16) return "H4";
        }
        return "HS";
    }

    private static List<int> Neighbors(Molecule m, int p, int self)
    {
        var list = new List<int>(4);
        foreach (int bi in m.Atoms[p].Bonds)
        {
            int o = m.Bonds[bi].Other(p);
            if (o != self) list.Add(o);
        }
        return list;
    }
}
