namespace LatentWorkbench.Cli.Commands;

/// <summary>Items given as arguments or in a file (one per line, first whitespace-separated field).</summary>
internal static class ItemInput
{
    public static IReadOnlyList<string> Read(string[]? arguments, string? file)
    {
        var items = new List<string>(arguments ?? []);
        if (file is not null)
            items.AddRange(File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Split((char[]?)null, 2)[0]));
        if (items.Count == 0) throw new ArgumentException("Give at least one item (as arguments or with --input FILE).");
        return items;
    }
}
