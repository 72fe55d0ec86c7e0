using LatentWorkbench.Core.Plugins;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary><c>GET /api/plugins</c>: the plugin directory and, per subfolder, whether it loaded and why not.</summary>
public static class PluginsApi
{
    /// <summary>Maps <c>/api/plugins</c>.</summary>
    public static IEndpointRouteBuilder MapPluginsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plugins", ListPlugins).WithTags("Plugins").WithSummary("Loaded and skipped plugins");
        return app;
    }

    private static Ok<object> ListPlugins(PluginCatalog catalog) => TypedResults.Ok((object)new
    {
        directory = catalog.Directory,
        plugins = catalog.Reports.Select(r => new { folder = r.Folder, status = r.Status, loaded = r.IsLoaded, message = r.Message, domains = r.DomainIds }),
    });
}
