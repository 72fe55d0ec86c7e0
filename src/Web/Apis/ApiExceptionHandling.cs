using Microsoft.AspNetCore.Http.Json;

namespace LatentWorkbench.Web.Apis;

/// <summary>Registers <see cref="ApiExceptionHandler"/> and the JSON and binding settings it relies on.</summary>
public static class ApiExceptionHandling
{
    /// <summary>
    /// Bodies must carry every field without a default, binding failures throw (so they reach the handler with their
    /// cause), and the handler answers them.
    /// </summary>
    public static IServiceCollection AddApiExceptionHandling(this IServiceCollection services)
    {
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.RespectRequiredConstructorParameters = true);
        return services;
    }

    /// <summary>Runs the exception handler for API requests in every environment (pages keep theirs).</summary>
    public static WebApplication UseApiExceptionHandling(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        return app;
    }
}
