namespace LatentWorkbench.Core.Plugins;

/// <summary>The outcome for one plugin folder: loaded (with its domain ids) or skipped, and why.</summary>
/// <param name="Folder">The plugin's folder name (a subfolder of the plugin directory).</param>
/// <param name="Status">Loaded or the reason it was skipped.</param>
/// <param name="Message">A sentence for people: what was loaded, or what was wrong.</param>
/// <param name="DomainIds">Ids of the domains it registered (empty when skipped).</param>
public sealed record PluginReport(string Folder, PluginStatus Status, string Message, IReadOnlyList<string> DomainIds)
{
    /// <summary>Whether the plugin's modules are registered.</summary>
    public bool IsLoaded => Status == PluginStatus.Loaded;

    /// <summary>A skipped plugin.</summary>
    public static PluginReport Skipped(string folder, PluginStatus status, string message) => new(folder, status, message, []);
}
