namespace LatentWorkbench.Domains.Molecules.Tests;

/// <summary>Locates ../shared beside the checkout (present in CI, absent on a user's clone).</summary>
internal static class SharedData
{
    public static string? Root { get; } = Find();

    public static string? File(params string[] parts)
    {
        if (Root is null) return null;
        var path = Path.Combine([Root, .. parts]);
        return System.IO.File.Exists(path) ? path : null;
    }

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "LatentWorkbench.sln")))
                return Directory.Exists(Path.Combine(dir.FullName, "..", "shared")) ? Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared")) : null;
        return null;
    }
}
