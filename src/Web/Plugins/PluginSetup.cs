using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Plugins;
using Microsoft.Extensions.FileProviders;

namespace LatentWorkbench.Web.Plugins;

/// <summary>Loads the plugins of <c>Plugins:Directory</c> and registers their domain modules like the built-in ones.</summary>
public static class PluginSetup
{
    /// <summary>Configuration key of the plugin directory (one published plugin per subfolder).</summary>
    public const string DirectoryKey = "Plugins:Directory";

    /// <summary>
    /// Registers <paramref name="builtIn"/> and the modules of the configured plugins as <see cref="IDomainModule"/>s,
    /// and the <see cref="PluginCatalog"/> (loaded and skipped plugins) for the Plugins page and API.
    /// </summary>
    public static IServiceCollection AddDomainModules(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IDomainModule> builtIn)
    {
        var directory = configuration[DirectoryKey];
        var catalog = string.IsNullOrWhiteSpace(directory) ? PluginCatalog.Empty : PluginLoader.Load(directory, builtIn.Select(m => m.Id));
        foreach (var module in builtIn.Concat(catalog.Modules)) services.AddSingleton(module);
        services.AddSingleton(catalog);
        services.AddHostedService<PluginStartupLog>();
        return services;
    }

    /// <summary>
    /// Serves each loaded plugin's <c>wwwroot</c> at <c>/plugins/{domain id}/</c> (e.g. a stylesheet or pictures its
    /// views link to). Only files inside that folder are reachable.
    /// </summary>
    public static WebApplication UsePluginStaticFiles(this WebApplication app)
    {
        foreach (var (domainId, folder) in app.Services.GetRequiredService<PluginCatalog>().StaticFiles())
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = $"/plugins/{domainId}" });
        return app;
    }
}
