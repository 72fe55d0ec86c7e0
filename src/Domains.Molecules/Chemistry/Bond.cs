namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>One bond of a <see cref="Molecule"/>; order 1, 2, 3 or 4 (aromatic).</summary>
internal sealed class Bond
{
    public const int AromaticOrder = 4;

    public int A;
    public int B;
    public int Order;
    /// <summary>'/' or '\\' as written from <see cref="A"/> towards <see cref="B"/>, else '\0'.</summary>
    public char Direction;
    /// <summary>True when the SMILES spelled the bond explicitly with ':'.</summary>
    public bool Aromatic;
    public bool InRing;
    /// <summary>Kekulé order (1 or 2) of an aromatic bond, kept for valence and electron counting.</summary>
    public int KekuleOrder;

    public int Other(int atom) => atom == A ? B : A;
}
