namespace LatentWorkbench.Core.Domains;

/// <summary>
/// Finds a domain's default checkpoint: <c>models/&lt;folder&gt;</c> beside the module's assembly when it exists (a
/// plugin ships its model that way), else <c>sample-data/models/&lt;folder&gt;</c> in the nearest parent of the working
/// directory that has one (a source checkout), else next to the application (a published copy).
/// </summary>
public static class ModelLocator
{
    /// <summary>The default model folder of <paramref name="module"/> (which may not exist yet).</summary>
    public static string DefaultModelFolder(IDomainModule module)
    {
        var assemblyFolder = Path.GetDirectoryName(module.GetType().Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyFolder))
        {
            var beside = Path.Combine(assemblyFolder, "models", module.Defaults.DefaultModelFolder);
            if (Directory.Exists(beside)) return beside;
        }
        var relative = Path.Combine("sample-data", "models", module.Defaults.DefaultModelFolder);
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return Path.Combine(AppContext.BaseDirectory, relative);
    }
}
