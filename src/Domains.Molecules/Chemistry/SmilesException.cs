namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>A SMILES string could not be read or does not describe a valid molecule.</summary>
public sealed class SmilesException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong, naming the position.</param>
    /// <param name="position">Zero-based character position of the problem, or -1 when it concerns the whole molecule.</param>
    public SmilesException(string message, int position) : base(message) => Position = position;

    /// <summary>Zero-based character position of the problem, or -1 when it concerns the whole molecule.</summary>
    public int Position { get; }
}
