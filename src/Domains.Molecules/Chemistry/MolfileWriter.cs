using System.Globalization;
using System.Text;

namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>
/// Writes a molecule as an MDL V2000 molblock with 2D zero coordinates (no layout is computed). Aromatic bonds are
/// written in their Kekulé form, charges and isotopes as <c>M  CHG</c>/<c>M  ISO</c> lines, and every atom's total
/// valence in the <c>vvv</c> field so readers restore the exact hydrogen counts. Stereo is not written (keep the
/// SMILES beside the molblock for it).
/// </summary>
public static class MolfileWriter
{
    /// <summary>The molblock of <paramref name="molecule"/>, ending with <c>M  END</c> and a newline.</summary>
    public static string Write(Molecule molecule, string name = "")
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(name.ReplaceLineEndings(" ")).Append('\n');
        text.Append("  LatentWB          2D\n\n");
        if (molecule.AtomCount > 999 || molecule.BondCount > 999) throw new ArgumentException("V2000 holds at most 999 atoms and bonds.");
        text.Append(inv, $"{molecule.AtomCount,3}{molecule.BondCount,3}  0  0  0  0  0  0  0  0999 V2000\n");
        for (int i = 0; i < molecule.AtomCount; i++)
        {
            var atom = molecule.Atoms[i];
            var symbol = atom.Element == 0 ? "*" : ElementTable.Symbols[atom.Element];
            var valence = atom.Bonds.Sum(b => BondType(molecule.Bonds[b])) + atom.Hydrogens;
            text.Append(inv, $"    0.0000    0.0000    0.0000 {symbol,-3} 0  0  0  0  0{(valence == 0 ? 15 : valence),3}  0  0  0  0  0  0\n");
        }
        foreach (var bond in molecule.Bonds)
            text.Append(inv, $"{bond.A + 1,3}{bond.B + 1,3}{BondType(bond),3}  0\n");
        AppendProperty(text, "CHG", Enumerable.Range(0, molecule.AtomCount).Where(i => molecule.Atoms[i].Charge != 0).Select(i => (i, molecule.Atoms[i].Charge)));
        AppendProperty(text, "ISO", Enumerable.Range(0, molecule.AtomCount).Where(i => molecule.Atoms[i].Isotope != 0).Select(i => (i, molecule.Atoms[i].Isotope)));
        text.Append("M  END\n");
        return text.ToString();
    }

    private static int BondType(Bond bond) => bond.Order == Bond.AromaticOrder ? bond.KekuleOrder : bond.Order;

    /// <summary>An <c>M  XXX</c> property block: at most 8 (atom, value) pairs per line.</summary>
    private static void AppendProperty(StringBuilder text, string kind, IEnumerable<(int Atom, int Value)> entries)
    {
        foreach (var chunk in entries.Chunk(8))
        {
            text.Append(CultureInfo.InvariantCulture, $"M  {kind}{chunk.Length,3}");
            foreach (var (atom, value) in chunk) text.Append(CultureInfo.InvariantCulture, $" {atom + 1,3} {value,3}");
            text.Append('\n');
        }
    }
}
