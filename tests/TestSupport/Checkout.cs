namespace LatentWorkbench.Tests;

/// <summary>
/// The source checkout the tests run from (the folder holding LatentWorkbench.sln) and the shared material beside it,
/// which CI has and a user's clone does not. Compiled into every test project (tests/Directory.Build.props).
/// </summary>
internal static class Checkout
{
    /// <summary>The folder holding LatentWorkbench.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the checkout, whether or not it exists.</summary>
    public static string SharedFolder { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A file or folder under ../shared, or null where it is absent (tests then skip with a message).</summary>
    public static string? Shared(params string[] parts)
    {
        var path = Path.Combine([SharedFolder, .. parts]);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LatentWorkbench.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("LatentWorkbench.sln not found above " + AppContext.BaseDirectory);
    }
}
