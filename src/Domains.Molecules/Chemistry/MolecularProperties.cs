namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>The descriptor set of one molecule, each as RDKit 2022.09 defines it.</summary>
/// <param name="MolecularWeight">Average molecular weight (Descriptors.MolWt), daltons.</param>
/// <param name="ExactMolecularWeight">Monoisotopic mass (Descriptors.ExactMolWt), daltons.</param>
/// <param name="LogP">Wildman-Crippen logP (Crippen.MolLogP).</param>
/// <param name="MolarRefractivity">Wildman-Crippen molar refractivity (Crippen.MolMR).</param>
/// <param name="Tpsa">Topological polar surface area from N and O (CalcTPSA), square angstroms.</param>
/// <param name="HBondDonors">Lipinski.NumHDonors.</param>
/// <param name="HBondAcceptors">Lipinski.NumHAcceptors.</param>
/// <param name="RotatableBonds">CalcNumRotatableBonds with the default (strict) definition.</param>
/// <param name="Rings">Number of SSSR rings.</param>
/// <param name="AromaticRings">Number of SSSR rings whose bonds are all aromatic.</param>
/// <param name="FractionCsp3">Fraction of carbons that are sp3.</param>
/// <param name="HeavyAtoms">Number of atoms other than hydrogen.</param>
/// <param name="Qed">QED drug-likeness with mean weights.</param>
public sealed record MolecularProperties(
    double MolecularWeight,
    double ExactMolecularWeight,
    double LogP,
    double MolarRefractivity,
    double Tpsa,
    int HBondDonors,
    int HBondAcceptors,
    int RotatableBonds,
    int Rings,
    int AromaticRings,
    double FractionCsp3,
    int HeavyAtoms,
    double Qed)
{
    /// <summary>Computes every property of a molecule.</summary>
    public static MolecularProperties Of(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var matcher = new SmartsMatcher(molecule);
        double mw = Descriptors.MolecularWeight(molecule);
        var (logp, mr) = Crippen.Compute(molecule, matcher);
        double tpsa = Chemistry.Tpsa.Compute(molecule);
        int hbd = Lipinski.Donors(matcher, molecule);
        int rotb = Lipinski.RotatableBonds(matcher);
        double qed = Chemistry.Qed.Compute(matcher, molecule, mw, logp, tpsa, hbd, rotb);
        return new MolecularProperties(
            mw, Descriptors.ExactMolecularWeight(molecule), logp, mr, tpsa, hbd, Lipinski.Acceptors(matcher, molecule), rotb,
            Descriptors.RingCount(molecule), Descriptors.AromaticRingCount(molecule), Descriptors.FractionCsp3(molecule),
            molecule.HeavyAtomCount, qed);
    }
}
