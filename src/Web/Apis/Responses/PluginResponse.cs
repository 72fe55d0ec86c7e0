using LatentWorkbench.Core.Plugins;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>One plugin folder: loaded (with its domains) or skipped, and why.</summary>
/// <param name="Folder">The folder name under the plugin directory.</param>
/// <param name="Status">Loaded, or the reason it was skipped.</param>
/// <param name="Loaded">Whether its domains are registered.</param>
/// <param name="Message">What was loaded, or what was wrong.</param>
/// <param name="Domains">Ids of the domains it registered (empty when skipped).</param>
public sealed record PluginResponse(string Folder, PluginStatus Status, bool Loaded, string Message, IReadOnlyList<string> Domains)
{
    /// <summary>The response for <paramref name="r"/>.</summary>
    public static PluginResponse Of(PluginReport r) => new(r.Folder, r.Status, r.IsLoaded, r.Message, r.DomainIds);
}
