namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Kinds of SMARTS expression nodes (atom and bond primitives and logic).</summary>
internal enum SmartsKind
{
    True, And, Or, Not,
    Element, AromaticElement, AliphaticElement, Aromatic, Aliphatic, AtomicNumber, Isotope,
    TotalH, Degree, Connectivity, Valence, Charge, RingCount, InRing, RingSize, RingConnectivity, Recursive,
    BondSingle, BondDouble, BondTriple, BondAromatic, BondRing, BondAny, BondDefault,
}

/// <summary>One node of a SMARTS atom or bond expression tree.</summary>
internal sealed record SmartsNode(SmartsKind Kind, int Value = 0, SmartsNode[]? Children = null, SmartsPattern? Sub = null)
{
    public static SmartsNode Combine(SmartsKind kind, SmartsNode a, SmartsNode b) => new(kind, 0, [a, b]);
}
