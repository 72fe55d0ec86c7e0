namespace LatentWorkbench.Plugins.Tests;

/// <summary>Paths in the source checkout the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding LatentWorkbench.sln.</summary>
    public static string Root => LatentWorkbench.Tests.Checkout.Root;

    /// <summary>The configuration the tests were built in (the plugin is published in the same one).</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif
}
