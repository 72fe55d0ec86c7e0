using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Chemistry.Bench;

/// <summary>Parses arguments and runs the throughput measurements.</summary>
internal static class BenchRunner
{
    public static int Run(string[] args)
    {
        string? input = null, describe = null;
        bool json = false;
        double seconds = 2;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input": input = args[++i]; break;
                case "--json": json = true; break;
                case "--describe": describe = args[++i]; break;
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
            }
        }
        if (input is null)
        {
            Console.Error.WriteLine("usage: Chemistry.Bench --input FILE.smi [--json] [--seconds S] [--describe OUT.csv]");
            return 2;
        }
        if (describe is not null)
        {
            using var reader = new StreamReader(input);
            using var writer = new StreamWriter(describe);
            MoleculeDescriber.Describe(reader, writer);
            return 0;
        }
        var smiles = File.ReadLines(input).Select(l => l.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 0).Select(f => f[0]).ToArray();
        var mols = smiles.Select(s => Molecule.TryParse(s).Molecule).OfType<Molecule>().ToArray();
        var figures = new Dictionary<string, double>
        {
            ["parse_per_s"] = Rate(smiles, s => Molecule.TryParse(s), seconds),
            ["canonical_per_s"] = Rate(mols, m => CanonicalSmiles.Write(m), seconds),
            ["logp_per_s"] = Rate(mols, m => Descriptors.LogP(m), seconds),
            ["tpsa_per_s"] = Rate(mols, m => Descriptors.Tpsa(m), seconds),
            ["qed_per_s"] = Rate(mols, m => Descriptors.Qed(m), seconds),
            ["ecfp4_per_s"] = Rate(mols, m => MorganFingerprint.Ecfp4(m), seconds),
        };
        if (json)
        {
            Console.WriteLine("{" + string.Join(", ", figures.Select(kv =>
                $"\"{kv.Key}\": {kv.Value.ToString("0", CultureInfo.InvariantCulture)}")) + $", \"molecules\": {mols.Length}}}");
        }
        else
        {
            foreach (var (k, v) in figures) Console.WriteLine($"{k} {v:0}");
        }
        return 0;
    }

    /// <summary>Items per second over whole passes of the list, running at least <paramref name="seconds"/>.</summary>
    private static double Rate<T>(T[] items, Func<T, object?> work, double seconds)
    {
        if (items.Length == 0) return 0;
        foreach (var it in items.Take(50)) work(it);
        long done = 0;
        var sw = Stopwatch.StartNew();
        do
        {
            foreach (var it in items) work(it);
            done += items.Length;
        }
        while (sw.Elapsed.TotalSeconds < seconds);
        return done / sw.Elapsed.TotalSeconds;
    }
}
