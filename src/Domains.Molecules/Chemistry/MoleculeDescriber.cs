using System.Globalization;

namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>
/// Batch descriptor table for <c>latent chem describe</c>: one SMILES per input line in, one CSV row per SMILES out,
/// with the columns of <see cref="Header"/>.
/// </summary>
public static class MoleculeDescriber
{
    /// <summary>The CSV header row.</summary>
    public const string Header = "smiles,valid,canonical,mw,exact_mw,logp,mr,tpsa,hbd,hba,rotb,rings,arom_rings,fsp3,heavy,qed,ecfp4_bits,error";

    /// <summary>
    /// Reads SMILES (the first whitespace-separated field of each line; blank lines skipped) and writes the CSV.
    /// Invalid SMILES give valid=0 and the error message. Returns the number of rows written.
    /// </summary>
    public static int Describe(TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Header);
        int rows = 0;
        for (string? line = input.ReadLine(); line is not null; line = input.ReadLine())
        {
            var fields = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) continue;
            output.WriteLine(DescribeOne(fields[0]));
            rows++;
        }
        return rows;
    }

    /// <summary>The CSV row (without newline) for one SMILES.</summary>
    public static string DescribeOne(string smiles)
    {
        var result = Molecule.TryParse(smiles);
        if (result.Molecule is not { } m) return $"{Quote(smiles)},0,,,,,,,,,,,,,,,,{Quote(result.Error ?? "invalid")}";
        string canonical;
        MolecularProperties p;
        Fingerprint fp;
        try
        {
            canonical = CanonicalSmiles.Write(m);
            p = MolecularProperties.Of(m);
            fp = MorganFingerprint.Ecfp4(m);
        }
        catch (SmilesException e)
        {
            return $"{Quote(smiles)},0,,,,,,,,,,,,,,,,{Quote(e.Message)}";
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return $"{Quote(smiles)},0,,,,,,,,,,,,,,,,{Quote("internal error: " + e.Message)}";
        }
        var c = CultureInfo.InvariantCulture;
        return string.Join(',',
            Quote(smiles), "1", Quote(canonical),
            p.MolecularWeight.ToString("0.####", c), p.ExactMolecularWeight.ToString("0.####", c),
            p.LogP.ToString("0.####", c), p.MolarRefractivity.ToString("0.####", c), p.Tpsa.ToString("0.####", c),
            p.HBondDonors.ToString(c), p.HBondAcceptors.ToString(c), p.RotatableBonds.ToString(c),
            p.Rings.ToString(c), p.AromaticRings.ToString(c), p.FractionCsp3.ToString("0.####", c),
            p.HeavyAtoms.ToString(c), p.Qed.ToString("0.####", c),
            string.Join(' ', fp.OnBits()), "");
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
