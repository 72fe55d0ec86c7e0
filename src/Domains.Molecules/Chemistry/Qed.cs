// QED drug-likeness (Bickerton et al., Nature Chemistry 2012) as RDKit's QED module computes it:
// asymmetric double sigmoid desirabilities of eight properties, weighted geometric mean with the mean weights.
using System.Collections.Immutable;

namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Quantitative estimate of drug-likeness.</summary>
internal static class Qed
{
    private static readonly ImmutableArray<double> Weights = [0.66, 0.46, 0.05, 0.61, 0.06, 0.65, 0.48, 0.95];

    // A, B, C, D, E, F, DMAX for MW, ALOGP, HBA, HBD, PSA, ROTB, AROM, ALERTS.
    private static readonly ImmutableArray<ImmutableArray<double>> Ads =
    [
        [2.817065973, 392.5754953, 290.7489764, 2.419764353, 49.22325677, 65.37051707, 104.9805561],
        [3.172690585, 137.8624751, 2.534937431, 4.581497897, 0.822739154, 0.576295591, 131.3186604],
        [2.948620388, 160.4605972, 3.615294657, 4.435986202, 0.290141953, 1.300669958, 148.7763046],
        [1.618662227, 1010.051101, 0.985094388, 0.000000001, 0.713820843, 0.920922555, 258.1632616],
        [1.876861559, 125.2232657, 62.90773554, 87.83366614, 12.01999824, 28.51324732, 104.5686167],
        [0.010000000, 272.4121427, 2.558379970, 1.565547684, 1.271567166, 2.758063707, 105.4420403],
        [3.217788970, 957.7374108, 2.274627939, 0.000000001, 1.317690384, 0.375760881, 312.3372610],
        [0.010000000, 1199.094025, -0.09002883, 0.000000001, 0.185904477, 0.875193782, 417.7253140],
    ];

    private static readonly SmartsPattern AliphaticRingAtom = SmartsParser.Parse("[$([A;R][!a])]");

    private static readonly ImmutableArray<SmartsPattern> AcceptorPatterns = new[]
    {
        "[oH0;X2]", "[OH1;X2;v2]", "[OH0;X2;v2]", "[OH0;X1;v2]", "[O-;X1]", "[SH0;X2;v2]", "[SH0;X1;v2]",
        "[S-;X1]", "[nH0;X2]", "[NH0;X1;v3]", "[$([N;+0;X3;v3]);!$(N[C,S]=O)]",
    }.Select(SmartsParser.Parse).ToImmutableArray();

    private static readonly ImmutableArray<SmartsPattern> Alerts = [.. QedAlerts.Smarts.Select(SmartsParser.Parse)];

    /// <summary>QED from precomputed MW, logP, TPSA, donors and strict rotatable bonds.</summary>
    public static double Compute(SmartsMatcher matcher, Molecule m, double mw, double logp, double tpsa, int hbd, int rotb)
    {
        int hba = 0;
        foreach (var p in AcceptorPatterns) hba += Lipinski.CountAtoms(matcher, p, m);
        int alerts = 0;
        foreach (var p in Alerts) if (matcher.Any(p)) alerts++;
        double[] x = [mw, logp, hba, hbd, tpsa, rotb, AromaticRings(matcher, m), alerts];
        double t = 0, wsum = 0;
        for (int i = 0; i < 8; i++)
        {
            t += Weights[i] * Math.Log(Desirability(x[i], Ads[i]));
            wsum += Weights[i];
        }
        return Math.Exp(t / wsum);
    }

    private static double Desirability(double x, ImmutableArray<double> p)
    {
        double exp1 = 1 + Math.Exp(-1 * (x - p[2] + p[3] / 2) / p[4]);
        double exp2 = 1 + Math.Exp(-1 * (x - p[2] - p[3] / 2) / p[5]);
        double dx = p[0] + p[1] / exp1 * (1 - 1 / exp2);
        return dx / p[6];
    }

    /// <summary>RDKit's QED ring count: SSSR size after deleting aliphatic ring atoms that touch a non-aromatic atom.</summary>
    private static int AromaticRings(SmartsMatcher matcher, Molecule m)
    {
        var removed = new bool[m.Atoms.Count];
        int atoms = 0;
        for (int i = 0; i < m.Atoms.Count; i++)
        {
            removed[i] = matcher.MatchesAt(AliphaticRingAtom, i);
            if (!removed[i]) atoms++;
        }
        int bonds = 0;
        var parent = new int[m.Atoms.Count];
        for (int i = 0; i < parent.Length; i++) parent[i] = i;
        int components = atoms;
        foreach (var b in m.Bonds)
        {
            if (removed[b.A] || removed[b.B]) continue;
            bonds++;
            int ra = Find(parent, b.A), rb = Find(parent, b.B);
            if (ra != rb) { parent[ra] = rb; components--; }
        }
        return bonds - atoms + components;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
        return x;
    }
}
