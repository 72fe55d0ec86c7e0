namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

/// <summary>Locations of the repository, the shared data folder and the RDKit oracle.</summary>
internal static class TestPaths
{
    public static string RepoRoot => LatentWorkbench.Tests.Checkout.Root;

    public static string Shared => LatentWorkbench.Tests.Checkout.SharedFolder;

    public static string Molecules => Path.Combine(Shared, "data", "molecules");

    public static string Oracle => Path.Combine(Shared, "oracle");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Chemistry", "Fixtures", name);

    /// <summary>First SMILES of each line of a .smi file or of a CSV with a header row.</summary>
    public static List<string> ReadSmiles(string path, int take)
    {
        var lines = File.ReadLines(path);
        if (path.EndsWith(".csv", StringComparison.Ordinal)) lines = lines.Skip(1);
        return lines.Select(l => l.Split([',', ' ', '\t'], 2)[0]).Where(s => s.Length > 0).Take(take).ToList();
    }
}
