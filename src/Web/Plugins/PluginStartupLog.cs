using LatentWorkbench.Core.Plugins;

namespace LatentWorkbench.Web.Plugins;

/// <summary>Writes one log line per plugin folder at startup: loaded (with its domains) or skipped (with the reason).</summary>
internal sealed class PluginStartupLog(PluginCatalog catalog, ILogger<PluginStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var report in catalog.Reports)
        {
            if (report.IsLoaded) logger.LogInformation("Plugin {Folder} loaded: {Message}", report.Folder, report.Message);
            else logger.LogWarning("Plugin {Folder} skipped ({Status}): {Message}", report.Folder, report.Status, report.Message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
