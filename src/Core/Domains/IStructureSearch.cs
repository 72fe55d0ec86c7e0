namespace LatentWorkbench.Core.Domains;

/// <summary>Finds items containing a pattern (e.g. a SMARTS substructure); offered through <see cref="IDomainModule.StructureSearch"/>.</summary>
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
