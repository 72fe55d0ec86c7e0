using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules;

/// <summary>Substructure search: a SMARTS pattern matched against each molecule's graph.</summary>
public sealed class MoleculeSearch : IStructureSearch
{
    /// <inheritdoc/>
    public string QueryLanguage => "SMARTS";

    /// <inheritdoc/>
    public Func<string, bool> Compile(string pattern)
    {
        SmartsPattern query;
        try
        {
            query = SmartsPattern.Parse(pattern);
        }
        catch (SmilesException e)
        {
            throw new FormatException(e.Position >= 0 && !e.Message.Contains("position", StringComparison.OrdinalIgnoreCase)
                ? $"{e.Message} (position {e.Position})" : e.Message, e);
        }
        return smiles => Molecule.TryParse(smiles).Molecule is { } molecule && query.IsMatch(molecule);
    }
}
