// Topological polar surface area (Ertl, Rohde & Selzer 2000): N and O contributions only, as RDKit's default.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Ertl TPSA, in square angstroms.</summary>
internal static class Tpsa
{
    public static double Compute(Molecule m)
    {
        double total = 0;
        for (int i = 0; i < m.Atoms.Count; i++)
        {
            var a = m.Atoms[i];
            if (a.Element is not (7 or 8)) continue;
            int nHs = MoleculeGraph.TotalH(m, i);
            int nSing = 0, nDoub = 0, nTrip = 0, nArom = 0, nNbrs = 0;
            foreach (int bi in a.Bonds)
            {
                var b = m.Bonds[bi];
                if (m.Atoms[b.Other(i)].Element == 1) continue;
                nNbrs++;
                switch (b.Order)
                {
                    case 1: nSing++; break;
                    case 2: nDoub++; break;
                    case 3: nTrip++; break;
                    default: nArom++; break;
                }
            }
            bool in3 = m.AtomMinRing[i] == 3;
            total += a.Element == 7
                ? Nitrogen(nNbrs, nHs, a.Charge, nSing, nDoub, nTrip, nArom, in3)
                : Oxygen(nNbrs, nHs, a.Charge, nSing, nDoub, nArom, in3);
        }
        return total;
    }

    private static double Nitrogen(int nbrs, int h, int chg, int s, int d, int t, int ar, bool in3)
    {
        double v = -1;
        switch (nbrs)
        {
            case 1:
                if (h == 0 && chg == 0 && t == 1) v = 23.79;
                else if (h == 1 && chg == 0 && d == 1) v = 23.85;
                else if (h == 2 && chg == 0 && s == 1) v = 26.02;
                else if (h == 2 && chg == 1 && d == 1) v = 25.59;
                else if (h == 3 && chg == 1 && s == 1) v = 27.64;
                break;
            case 2:
                if (h == 0 && chg == 0 && s == 1 && d == 1) v = 12.36;
                else if (h == 0 && chg == 0 && t == 1 && d == 1) v = 13.60;
                else if (h == 1 && chg == 0 && s == 2 && in3) v = 21.94;
                else if (h == 1 && chg == 0 && s == 2) v = 12.03;
                else if (h == 0 && chg == 1 && t == 1 && s == 1) v = 4.36;
                else if (h == 1 && chg == 1 && d == 1 && s == 1) v = 13.97;
                else if (h == 2 && chg == 1 && s == 2) v = 16.61;
                else if (h == 0 && chg == 0 && ar == 2) v = 12.89;
                else if (h == 1 && chg == 0 && ar == 2) v = 15.79;
                else if (h == 1 && chg == 1 && ar == 2) v = 14.14;
                break;
            case 3:
                if (h == 0 && chg == 0 && s == 3 && in3) v = 3.01;
                else if (h == 0 && chg == 0 && s == 3) v = 3.24;
                else if (h == 0 && chg == 0 && s == 1 && d == 2) v = 11.68;
                else if (h == 0 && chg == 1 && s == 2 && d == 1) v = 3.01;
                else if (h == 1 && chg == 1 && s == 3) v = 4.44;
                else if (h == 0 && chg == 0 && ar == 3) v = 4.41;
                else if (h == 0 && chg == 0 && s == 1 && ar == 2) v = 4.93;
                else if (h == 0 && chg == 0 && d == 1 && ar == 2) v = 8.39;
                else if (h == 0 && chg == 1 && ar == 3) v = 4.10;
                else if (h == 0 && chg == 1 && s == 1 && ar == 2) v = 3.88;
                break;
            case 4:
                if (h == 0 && s == 4 && chg == 1) v = 0.00;
                break;
        }
        return v >= 0 ? v : Math.Max(0, 30.5 - nbrs * 8.2 + h * 1.5);
    }

    private static double Oxygen(int nbrs, int h, int chg, int s, int d, int ar, bool in3)
    {
        double v = -1;
        switch (nbrs)
        {
            case 1:
                if (h == 0 && chg == 0 && d == 1) v = 17.07;
                else if (h == 1 && chg == 0 && s == 1) v = 20.23;
                else if (h == 0 && chg == -1 && s == 1) v = 23.06;
                break;
            case 2:
                if (h == 0 && chg == 0 && s == 2 && in3) v = 12.53;
                else if (h == 0 && chg == 0 && s == 2) v = 9.23;
                else if (h == 0 && chg == 0 && ar == 2) v = 13.14;
                break;
        }
        return v >= 0 ? v : Math.Max(0, 28.5 - nbrs * 8.6 + h * 1.5);
    }
}
