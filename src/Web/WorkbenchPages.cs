using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Plugins;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Components;

namespace LatentWorkbench.Web;

/// <summary>Maps the Razor pages, including the domain modules' and plugins' own component assemblies.</summary>
public static class WorkbenchPages
{
    /// <summary>
    /// Maps <see cref="App"/> with interactive server rendering. Every page, a plugin's too, needs the viewer role
    /// unless it allows anyone (sign-in, error); a page may ask for more with <c>[Authorize(Policy = ...)]</c>.
    /// </summary>
    public static WebApplication MapWorkbenchPages(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<DomainRegistry>();
        var plugins = app.Services.GetRequiredService<PluginCatalog>().Assemblies;
        var assemblies = registry.Modules.Select(m => m.GetType().Assembly).Concat(plugins).Where(a => a != typeof(Program).Assembly).Distinct().ToArray();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AddAdditionalAssemblies(assemblies).RequireAuthorization(WorkbenchRoles.Viewer);
        return app;
    }
}
