namespace LatentWorkbench.Domains.Peptides;

/// <summary>
/// Net charge by Henderson–Hasselbalch with the EMBOSS pKa set (EMBOSS <c>Epk.dat</c>, as used by <c>iep</c>):
/// N-terminus 8.6, C-terminus 3.6, K 10.8, R 12.5, H 6.5, D 3.9, E 4.1, C 8.5, Y 10.1. Termini are free (no
/// amidation or acetylation); every group titrates independently. The isoelectric point is found by bisection.
/// </summary>
public static class ChargeModel
{
    /// <summary>pKa of the free N-terminal amine.</summary>
    public const double NTerminus = 8.6;
    /// <summary>pKa of the free C-terminal carboxyl.</summary>
    public const double CTerminus = 3.6;

    /// <summary>Ionisable side chains: residue, pKa, and whether the group is basic (+1, charged when protonated) or acidic (-1, charged when deprotonated).</summary>
    public static IReadOnlyList<(char Residue, double Pka, int Sign)> SideChains { get; } =
        [('K', 10.8, +1), ('R', 12.5, +1), ('H', 6.5, +1), ('D', 3.9, -1), ('E', 4.1, -1), ('C', 8.5, -1), ('Y', 10.1, -1)];

    /// <summary>Net charge of <paramref name="sequence"/> (standard residues, upper case) at <paramref name="pH"/>.</summary>
    public static double NetCharge(string sequence, double pH)
    {
        if (sequence.Length == 0) return 0;
        var charge = Positive(NTerminus, pH) - Negative(CTerminus, pH);
        foreach (var c in sequence)
            foreach (var (residue, pKa, sign) in SideChains)
                if (residue == c) charge += sign > 0 ? Positive(pKa, pH) : -Negative(pKa, pH);
        return charge;
    }

    /// <summary>The pH in [0, 14] where the net charge is zero, to 0.001 pH units (charge falls monotonically with pH).</summary>
    public static double IsoelectricPoint(string sequence)
    {
        double low = 0, high = 14;
        while (high - low > 1e-4)
        {
            var mid = (low + high) / 2;
            if (NetCharge(sequence, mid) > 0) low = mid; else high = mid;
        }
        return Math.Round((low + high) / 2, 3);
    }

    private static double Positive(double pKa, double pH) => 1 / (1 + Math.Pow(10, pH - pKa));

    private static double Negative(double pKa, double pH) => 1 / (1 + Math.Pow(10, pKa - pH));
}
