// RDKit's Lipinski-family counts: CalcNumHBD, CalcNumHBA and CalcNumRotatableBonds (strict, the default).
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Hydrogen-bond donors/acceptors and rotatable bonds by RDKit's SMARTS definitions.</summary>
internal static class Lipinski
{
    private static readonly SmartsPattern Donor = SmartsParser.Parse("[N&!H0&v3,N&!H0&+1&v4,O&H1&+0,S&H1&+0,n&H1&+0]");

    private static readonly SmartsPattern Acceptor = SmartsParser.Parse(
        "[$([O,S;H1;v2]-[!$(*=[O,N,P,S])]),$([O,S;H0;v2]),$([O,S;-]),$([N;v3;!$(N-*=!@[O,N,P,S])]),$([nH0,o,s;+0])]");

    private static readonly SmartsPattern StrictRotatable = SmartsParser.Parse(
        "[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])&!$([CD3](=[N,O,S])-!@[#7,O,S!D1])" +
        "&!$([#7,O,S!D1]-!@[CD3]=[N,O,S])&!$([CD3](=[N+])-!@[#7!D1])&!$([#7!D1]-!@[CD3]=[N+])]-,:;!@" +
        "[!$(*#*)&!D1&!$(C(F)(F)F)&!$(C(Cl)(Cl)Cl)&!$(C(Br)(Br)Br)&!$(C([CH3])([CH3])[CH3])]");

    public static int Donors(SmartsMatcher matcher, Molecule m) => CountAtoms(matcher, Donor, m);

    public static int Acceptors(SmartsMatcher matcher, Molecule m) => CountAtoms(matcher, Acceptor, m);

    public static int RotatableBonds(SmartsMatcher matcher) => Chemistry.RotatableBonds.Count(matcher.Molecule);

    /// <summary>The same count by RDKit's SMARTS, kept to cross-check the direct evaluation.</summary>
    public static int RotatableBondsBySmarts(SmartsMatcher matcher) => matcher.All(StrictRotatable).Count;

    /// <summary>Atoms matched by a one-atom pattern.</summary>
    public static int CountAtoms(SmartsMatcher matcher, SmartsPattern p, Molecule m)
    {
        int n = 0;
        for (int i = 0; i < m.Atoms.Count; i++) if (matcher.MatchesAt(p, i)) n++;
        return n;
    }
}
