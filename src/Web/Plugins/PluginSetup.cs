using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Plugins;

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
}
