namespace LatentWorkbench.Domains.Peptides;

/// <summary>One standard residue.</summary>
/// <param name="Code">One-letter code.</param>
/// <param name="Name">Full name.</param>
/// <param name="ResidueMass">Average mass of the residue in a chain (amino acid minus water), Da.</param>
/// <param name="Hydropathy">Kyte–Doolittle hydropathy index (Kyte and Doolittle 1982).</param>
/// <param name="Class">Residue class for colouring and composition.</param>
public sealed record AminoAcid(char Code, string Name, double ResidueMass, double Hydropathy, ResidueClass Class);
