using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules;

/// <summary>The molecule properties users see, computed by the chemistry toolkit as RDKit defines them.</summary>
public sealed class MoleculeProperties : IPropertyCalculator
{
    /// <inheritdoc/>
    public IReadOnlyList<PropertyDefinition> Definitions { get; } =
    [
        new("qed", "QED", "", Better.Higher, "Quantitative estimate of drug-likeness (Bickerton 2012), 0..1"),
        new("logp", "logP", "", Better.Neither, "Wildman-Crippen octanol/water partition coefficient"),
        new("mw", "Mol. weight", "Da", Better.Neither, "Average molecular weight"),
        new("tpsa", "TPSA", "Å²", Better.Neither, "Topological polar surface area (Ertl 2000, N and O)"),
        new("hbd", "H-bond donors", "", Better.Lower, "Lipinski H-bond donors"),
        new("hba", "H-bond acceptors", "", Better.Lower, "Lipinski H-bond acceptors"),
        new("rotb", "Rotatable bonds", "", Better.Lower, "Rotatable bonds (RDKit's default definition)"),
        new("rings", "Rings", "", Better.Neither, "Rings in the smallest set of smallest rings"),
        new("arom_rings", "Aromatic rings", "", Better.Neither, "Aromatic rings"),
        new("fsp3", "Fsp3", "", Better.Neither, "Fraction of sp3 carbons"),
        new("heavy", "Heavy atoms", "", Better.Neither, "Atoms other than hydrogen"),
    ];

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Compute(string text)
    {
        var parsed = Molecule.TryParse(text);
        if (!parsed.IsValid) return new Dictionary<string, double>();
        var p = MolecularProperties.Of(parsed.Molecule!);
        return new Dictionary<string, double>
        {
            ["qed"] = p.Qed, ["logp"] = p.LogP, ["mw"] = p.MolecularWeight, ["tpsa"] = p.Tpsa, ["hbd"] = p.HBondDonors,
            ["hba"] = p.HBondAcceptors, ["rotb"] = p.RotatableBonds, ["rings"] = p.Rings, ["arom_rings"] = p.AromaticRings,
            ["fsp3"] = p.FractionCsp3, ["heavy"] = p.HeavyAtoms,
        };
    }
}
