namespace LatentWorkbench.Web.Bench;

/// <summary>
/// Molecules the models never trained on, for benches that must not ask the same question twice: the SMILES column of
/// <c>../shared/data/molecules/zinc250k_valid.csv</c> when it lies beside the checkout, else none (the caller says so).
/// </summary>
public static class HeldOutMolecules
{
    /// <summary>Up to <paramref name="count"/> held-out SMILES in a fixed random order (seeded), or empty where the data is absent.</summary>
    public static IReadOnlyList<string> Take(int count, int seed = 7)
    {
        var file = Path.Combine(Path.GetDirectoryName(BenchPaths.WebProject())!, "..", "..", "shared", "data", "molecules", "zinc250k_valid.csv");
        if (!File.Exists(file)) return [];
        var smiles = File.ReadLines(file).Skip(1).Select(l => l.Split(',')[0]).Where(s => s.Length > 0).ToList();
        var random = new Random(seed);
        return smiles.OrderBy(_ => random.Next()).Take(count).ToList();
    }

    /// <summary>Pairs of distinct held-out molecules, each molecule used once.</summary>
    public static IReadOnlyList<(string From, string To)> Pairs(int count, int seed = 7)
    {
        var molecules = Take(2 * count, seed);
        return Enumerable.Range(0, molecules.Count / 2).Select(i => (molecules[2 * i], molecules[2 * i + 1])).ToList();
    }
}
