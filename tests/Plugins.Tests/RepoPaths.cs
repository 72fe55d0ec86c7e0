namespace LatentWorkbench.Plugins.Tests;

/// <summary>Paths in the source checkout the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding LatentWorkbench.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (the plugin is published in the same one).</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LatentWorkbench.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("LatentWorkbench.sln not found above " + AppContext.BaseDirectory);
    }
}
