using System.CommandLine;
using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Cli.Commands.Domains;

/// <summary><c>latent chem describe --input FILE --output OUT.csv</c>: RDKit-compatible descriptors for a SMILES file.</summary>
public static class ChemCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliContext context)
    {
        var input = new Option<string>("--input", "-i") { Description = "One SMILES per line (first whitespace-separated field)", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "CSV to write", Required = true };
        var describe = new Command("describe", "Validity, canonical SMILES, properties and ECFP4 bits of each SMILES, as CSV") { input, output };
        describe.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(input);
            if (!File.Exists(path)) throw new FileNotFoundException($"No SMILES file at '{path}'.", path);
            using var reader = new StreamReader(path);
            var target = parse.GetRequiredValue(output);
            var temp = target + ".tmp";
            int rows;
            using (var writer = new StreamWriter(temp)) rows = MoleculeDescriber.Describe(reader, writer);
            File.Move(temp, target, overwrite: true);
            context.Error.WriteLine($"wrote {rows} rows to {target}");
            return CliErrors.Ok;
        });
        return new Command("chem", "Chemistry toolkit commands") { describe };
    }
}
