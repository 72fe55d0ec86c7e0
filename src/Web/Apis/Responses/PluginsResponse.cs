namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>The plugin directory and the outcome for each of its subfolders.</summary>
/// <param name="Directory">The plugin directory searched, or null when none is configured.</param>
/// <param name="Plugins">One entry per plugin folder.</param>
public sealed record PluginsResponse(string? Directory, IReadOnlyList<PluginResponse> Plugins);
