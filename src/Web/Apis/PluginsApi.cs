using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Core.Plugins;
using LatentWorkbench.Web.Apis.Responses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LatentWorkbench.Web.Apis;

/// <summary><c>GET /api/plugins</c>: the plugin directory and, per subfolder, whether it loaded and why not.</summary>
public static class PluginsApi
{
    /// <summary>Maps <c>/api/plugins</c>.</summary>
    public static IEndpointRouteBuilder MapPluginsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plugins", ListPlugins).WithTags("Plugins").WithSummary("Loaded and skipped plugins").RequireRole(WorkbenchRoles.Admin).WithApiErrors();
        return app;
    }

    private static Ok<PluginsResponse> ListPlugins(PluginCatalog catalog) =>
        TypedResults.Ok(new PluginsResponse(catalog.Directory, catalog.Reports.Select(PluginResponse.Of).ToArray()));
}
