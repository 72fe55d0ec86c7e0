using System.Globalization;
using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

/// <summary>Per-property agreement (percent) between our describe rows and RDKit's reference rows.</summary>
internal sealed class Agreement
{
    private static readonly (string Key, double Tolerance)[] Numeric =
        [("mw", 0.01), ("exact_mw", 0.01), ("logp", 0.01), ("mr", 0.01), ("tpsa", 0.01), ("fsp3", 0.001), ("qed", 0.01)];

    private static readonly string[] Exact = ["hbd", "hba", "rotb", "rings", "arom_rings", "heavy", "ecfp4_bits"];

    public Dictionary<string, double> Percent { get; } = new();

    public List<string> Mismatches { get; } = new();

    public static Agreement Compare(List<Dictionary<string, string>> reference)
    {
        var result = new Agreement();
        var ours = reference.Select(r => ReferenceTable.Split(MoleculeDescriber.DescribeOne(r["smiles"]))).ToList();
        var header = MoleculeDescriber.Header.Split(',');
        var rows = ours.Select(f => header.Select((h, i) => (h, f[i])).ToDictionary(t => t.h, t => t.Item2)).ToList();
        int validAgree = 0;
        for (int i = 0; i < reference.Count; i++)
        {
            if (reference[i]["valid"] == rows[i]["valid"]) validAgree++;
            else result.Mismatches.Add($"valid {reference[i]["smiles"]}: rdkit {reference[i]["valid"]}, ours {rows[i]["valid"]} {rows[i]["error"]}");
        }
        result.Percent["valid"] = 100.0 * validAgree / reference.Count;
        var both = Enumerable.Range(0, reference.Count).Where(i => reference[i]["valid"] == "1" && rows[i]["valid"] == "1").ToList();
        foreach (var (key, tol) in Numeric)
            result.Percent[key] = Share(both, i => Math.Abs(Num(reference[i][key]) - Num(rows[i][key])) <= tol, i => $"{key} {reference[i]["smiles"]}: {reference[i][key]} vs {rows[i][key]}", result);
        foreach (var key in Exact)
            result.Percent[key] = Share(both, i => reference[i][key] == rows[i][key], i => $"{key} {reference[i]["smiles"]}", result);
        return result;
    }

    private static double Share(List<int> idx, Func<int, bool> ok, Func<int, string> describe, Agreement result)
    {
        if (idx.Count == 0) return 100;
        int good = 0;
        foreach (int i in idx)
        {
            if (ok(i)) good++;
            else result.Mismatches.Add(describe(i));
        }
        return 100.0 * good / idx.Count;
    }

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>The issue's thresholds, in percent.</summary>
    public static readonly IReadOnlyDictionary<string, double> Required = new Dictionary<string, double>
    {
        ["valid"] = 99.7, ["mw"] = 99.9, ["exact_mw"] = 99.9, ["logp"] = 99, ["mr"] = 99, ["tpsa"] = 99, ["fsp3"] = 99,
        ["qed"] = 98, ["hbd"] = 99, ["hba"] = 99, ["rotb"] = 99, ["rings"] = 99, ["arom_rings"] = 99, ["heavy"] = 99,
        ["ecfp4_bits"] = 95,
    };

    public string Summary() => string.Join(", ", Percent.Select(kv => $"{kv.Key} {kv.Value:0.00}%")) +
        Environment.NewLine + string.Join(Environment.NewLine, Mismatches.Take(20));
}
