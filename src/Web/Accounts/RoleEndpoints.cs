using LatentWorkbench.Storage.Accounts;

namespace LatentWorkbench.Web.Accounts;

/// <summary>Declares the least role an endpoint needs, and its 401 and 403 problems in the OpenAPI document.</summary>
public static class RoleEndpoints
{
    /// <summary>Requires <paramref name="role"/> (one of <see cref="WorkbenchRoles.All"/>) or a role above it.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, string role) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(role)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
