using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Peptides;

/// <summary>
/// Length, average molecular weight (residue masses plus one water; linear chain, free termini), net charge at
/// pH 7 and isoelectric point (<see cref="ChargeModel"/>), GRAVY (mean Kyte–Doolittle hydropathy) and the fraction
/// of residues in each <see cref="ResidueClass"/>.
/// </summary>
public sealed class PeptideProperties : IPropertyCalculator
{
    /// <inheritdoc/>
    public IReadOnlyList<PropertyDefinition> Definitions { get; } =
    [
        new("length", "Length", "residues", Better.Neither, "Number of residues"),
        new("molecular_weight", "Molecular weight", "Da", Better.Neither, "Average mass of the linear peptide with free termini"),
        new("net_charge", "Net charge at pH 7", "e", Better.Neither, "Henderson–Hasselbalch, EMBOSS pKa set"),
        new("isoelectric_point", "Isoelectric point", "pH", Better.Neither, "pH of zero net charge, EMBOSS pKa set"),
        new("gravy", "GRAVY", "", Better.Neither, "Mean Kyte–Doolittle hydropathy; positive is hydrophobic"),
        .. Enum.GetValues<ResidueClass>().Select(c => new PropertyDefinition(FractionKey(c), $"{c} fraction", "", Better.Neither, $"Share of {c.ToString().ToLowerInvariant()} residues")),
    ];

    /// <summary>Property key of the fraction of residues in class <paramref name="c"/>, e.g. <c>fraction_positive</c>.</summary>
    public static string FractionKey(ResidueClass c) => $"fraction_{c.ToString().ToLowerInvariant()}";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Compute(string text)
    {
        if (text.Length == 0 || text.Any(c => AminoAcids.Find(c) is null)) return new Dictionary<string, double>();
        var residues = text.Select(AminoAcids.Get).ToArray();
        var values = new Dictionary<string, double>
        {
            ["length"] = residues.Length,
            ["molecular_weight"] = Math.Round(residues.Sum(r => r.ResidueMass) + AminoAcids.WaterMass, 2),
            ["net_charge"] = Math.Round(ChargeModel.NetCharge(text, 7.0), 3),
            ["isoelectric_point"] = ChargeModel.IsoelectricPoint(text),
            ["gravy"] = Math.Round(residues.Average(r => r.Hydropathy), 3),
        };
        foreach (var c in Enum.GetValues<ResidueClass>())
            values[FractionKey(c)] = Math.Round((double)residues.Count(r => r.Class == c) / residues.Length, 4);
        return values;
    }
}
