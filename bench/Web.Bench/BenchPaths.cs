namespace LatentWorkbench.Web.Bench;

/// <summary>Finds src/Web from the working directory or the program's folder (its content root: static assets, settings).</summary>
public static class BenchPaths
{
    /// <summary>The src/Web folder of the checkout this program runs from.</summary>
    public static string WebProject()
    {
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "src", "Web", "Web.csproj"))) return Path.Combine(dir.FullName, "src", "Web");
        throw new DirectoryNotFoundException("Run Web.Bench from inside the LatentWorkbench checkout (src/Web not found).");
    }
}
