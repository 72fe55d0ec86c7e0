namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Average and monoisotopic molecular mass, as RDKit's MolWt and ExactMolWt compute them.</summary>
internal static class Masses
{
    private const double ElectronMass = 0.00054857990946;

    public static double IsotopeMass(int element, int isotope) =>
        ElementTable.IsotopeMass.TryGetValue((element << 10) | isotope, out double m) ? m : isotope;

    public static double Average(Molecule m)
    {
        double total = 0;
        foreach (var a in m.Atoms)
        {
            total += a.Isotope > 0 ? IsotopeMass(a.Element, a.Isotope) : ElementTable.AverageMass[a.Element];
            total += a.Hydrogens * ElementTable.AverageMass[1];
        }
        return total;
    }

    public static double Exact(Molecule m)
    {
        double total = 0;
        foreach (var a in m.Atoms)
        {
            total += a.Isotope > 0 ? IsotopeMass(a.Element, a.Isotope) : ElementTable.MonoisotopicMass[a.Element];
            total += a.Hydrogens * ElementTable.MonoisotopicMass[1];
            total -= a.Charge * ElectronMass;
        }
        return total;
    }
}
