namespace LatentWorkbench.Core.Domains;

/// <summary>Optional capability of a module: finds items containing a pattern (e.g. a SMARTS substructure).</summary>
public interface IStructureSearch
{
    /// <summary>Name of the pattern language shown to users, e.g. <c>SMARTS</c>.</summary>
    string QueryLanguage { get; }

    /// <summary>
    /// Compiles <paramref name="pattern"/> into a test on item text (invalid items never match). Throws
    /// <see cref="FormatException"/> naming the problem and its position when the pattern cannot be read.
    /// </summary>
    Func<string, bool> Compile(string pattern);
}
