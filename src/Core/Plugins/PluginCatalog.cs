using System.Reflection;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Plugins;

/// <summary>What a plugin directory contributed: the modules to register, their assemblies, and one report per folder.</summary>
/// <param name="Directory">The plugin directory that was searched, or null when none was configured.</param>
/// <param name="Modules">Domain modules of the loaded plugins, in folder order.</param>
/// <param name="Assemblies">The loaded plugins' main assemblies (for component routing).</param>
/// <param name="Reports">One report per subfolder, loaded or skipped.</param>
public sealed record PluginCatalog(string? Directory, IReadOnlyList<IDomainModule> Modules, IReadOnlyList<Assembly> Assemblies, IReadOnlyList<PluginReport> Reports)
{
    /// <summary>No plugin directory configured.</summary>
    public static PluginCatalog Empty { get; } = new(null, [], [], []);

    /// <summary>Reports of the plugins that were skipped.</summary>
    public IEnumerable<PluginReport> Skipped => Reports.Where(r => !r.IsLoaded);
}
