using System.Globalization;

namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Writes one atom: organic-subset symbol when that reads back identically, else a bracket atom.</summary>
internal static class AtomSymbols
{
    /// <param name="m">The molecule.</param>
    /// <param name="v">The atom.</param>
    /// <param name="chiralTag">0, or 1 / 2 for @ / @@.</param>
    /// <param name="kekule">Write aromatic atoms upper-case (their ring bonds are written in a Kekulé form).</param>
    public static string Text(Molecule m, int v, int chiralTag, bool kekule = false)
    {
        var a = m.Atoms[v];
        bool aromatic = a.Aromatic && !kekule;
        if (chiralTag == 0 && a.Isotope == 0 && a.Charge == 0 && a.AtomClass == 0 && a.Radicals == 0 && IsOrganic(a.Element)
            && a.Hydrogens == DefaultHydrogens(m, v, aromatic))
        {
            return a.Element switch
            {
                0 => "*",
                5 => aromatic ? "b" : "B",
                6 => aromatic ? "c" : "C",
                7 => aromatic ? "n" : "N",
                8 => aromatic ? "o" : "O",
                15 => aromatic ? "p" : "P",
                16 => aromatic ? "s" : "S",
                _ => ElementTable.Symbols[a.Element],
            };
        }
        var sb = new System.Text.StringBuilder("[");
        if (a.Isotope > 0) sb.Append(a.Isotope.ToString(CultureInfo.InvariantCulture));
        var symbol = a.Element == 0 ? "*" : ElementTable.Symbols[a.Element];
        sb.Append(aromatic ? symbol.ToLowerInvariant() : symbol);
        if (chiralTag != 0) sb.Append(chiralTag == 1 ? "@" : "@@");
        if (a.Hydrogens > 0) sb.Append(a.Hydrogens == 1 ? "H" : "H" + a.Hydrogens.ToString(CultureInfo.InvariantCulture));
        if (a.Charge != 0)
        {
            sb.Append(a.Charge > 0 ? '+' : '-');
            if (Math.Abs(a.Charge) > 1) sb.Append(Math.Abs(a.Charge).ToString(CultureInfo.InvariantCulture));
        }
        if (a.AtomClass != 0) sb.Append(':').Append(a.AtomClass.ToString(CultureInfo.InvariantCulture));
        sb.Append(']');
        return sb.ToString();
    }

    private static bool IsOrganic(int z) => z is 0 or 5 or 6 or 7 or 8 or 9 or 15 or 16 or 17 or 35 or 53;

    /// <summary>Hydrogens a reader would give the atom written without brackets, or -1 when that is not safe.</summary>
    private static int DefaultHydrogens(Molecule m, int v, bool aromatic)
    {
        var a = m.Atoms[v];
        if (a.Element == 0) return 0;
        if (aromatic && a.Element != 6) return 0;
        int ev = 0;
        foreach (int bi in a.Bonds) ev += m.Bonds[bi].KekuleOrder;
        foreach (int val in ElementTable.Valences[a.Element])
            if (val >= ev) return val - ev;
        return -1;
    }
}
