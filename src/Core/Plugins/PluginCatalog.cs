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

    /// <summary>Folder, under a plugin's folder, whose files the web host serves at <c>/plugins/{domain id}/</c>.</summary>
    public const string StaticFilesFolder = "wwwroot";

    /// <summary>Reports of the plugins that were skipped.</summary>
    public IEnumerable<PluginReport> Skipped => Reports.Where(r => !r.IsLoaded);

    /// <summary>Each domain of a loaded plugin that ships a <see cref="StaticFilesFolder"/>, with that folder's full path.</summary>
    public IEnumerable<(string DomainId, string Folder)> StaticFiles() =>
        Directory is null ? [] :
        from report in Reports
        where report.IsLoaded
        let folder = Path.Combine(Directory, report.Folder, StaticFilesFolder)
        where System.IO.Directory.Exists(folder)
        from id in report.DomainIds
        select (id, Path.GetFullPath(folder));
}
