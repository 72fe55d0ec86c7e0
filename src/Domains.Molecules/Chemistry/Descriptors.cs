namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Individual molecular descriptors with RDKit's definitions; see <see cref="MolecularProperties"/> for all at once.</summary>
public static class Descriptors
{
    /// <summary>Average molecular weight, daltons.</summary>
    public static double MolecularWeight(Molecule m) => Masses.Average(m);

    /// <summary>Monoisotopic molecular weight, daltons.</summary>
    public static double ExactMolecularWeight(Molecule m) => Masses.Exact(m);

    /// <summary>Wildman-Crippen logP.</summary>
    public static double LogP(Molecule m) => Crippen.Compute(m).LogP;

    /// <summary>Wildman-Crippen molar refractivity.</summary>
    public static double MolarRefractivity(Molecule m) => Crippen.Compute(m).Mr;

    /// <summary>Topological polar surface area (N and O), square angstroms.</summary>
    public static double Tpsa(Molecule m) => Chemistry.Tpsa.Compute(m);

    /// <summary>Hydrogen-bond donors (RDKit Lipinski.NumHDonors).</summary>
    public static int HBondDonors(Molecule m) => Lipinski.Donors(new SmartsMatcher(m), m);

    /// <summary>Hydrogen-bond acceptors (RDKit Lipinski.NumHAcceptors).</summary>
    public static int HBondAcceptors(Molecule m) => Lipinski.Acceptors(new SmartsMatcher(m), m);

    /// <summary>Rotatable bonds (RDKit CalcNumRotatableBonds, strict default).</summary>
    public static int RotatableBonds(Molecule m) => Lipinski.RotatableBonds(new SmartsMatcher(m));

    /// <summary>Number of SSSR rings.</summary>
    public static int RingCount(Molecule m) => m.AtomRings.Count;

    /// <summary>Number of SSSR rings made only of aromatic bonds.</summary>
    public static int AromaticRingCount(Molecule m)
    {
        int n = 0;
        foreach (var ring in m.BondRings)
            if (Array.TrueForAll(ring, bi => m.Bonds[bi].Order == Bond.AromaticOrder)) n++;
        return n;
    }

    /// <summary>Fraction of carbon atoms that are sp3 hybridized (0 when there is no carbon).</summary>
    public static double FractionCsp3(Molecule m)
    {
        int carbons = 0, sp3 = 0;
        foreach (var a in m.Atoms)
        {
            if (a.Element != 6) continue;
            carbons++;
            if (IsSp3Carbon(m, a)) sp3++;
        }
        return carbons == 0 ? 0 : (double)sp3 / carbons;
    }

    /// <summary>QED drug-likeness (RDKit's QED.qed with mean weights).</summary>
    public static double Qed(Molecule m)
    {
        var matcher = new SmartsMatcher(m);
        double logp = Crippen.Compute(m, matcher).LogP;
        return Chemistry.Qed.Compute(
            matcher, m, Masses.Average(m), logp, Chemistry.Tpsa.Compute(m), Lipinski.Donors(matcher, m), Lipinski.RotatableBonds(matcher));
    }

    private static bool IsSp3Carbon(Molecule m, Atom a)
    {
        if (a.Aromatic) return false;
        foreach (int bi in a.Bonds) if (m.Bonds[bi].Order != 1) return false;
        int lonePairs = a.Charge < 0 ? 1 : 0;
        return a.Radicals == 0 && a.Degree + a.Hydrogens + lonePairs >= 4;
    }
}
