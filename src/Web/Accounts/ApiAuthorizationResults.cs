using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace LatentWorkbench.Web.Accounts;

/// <summary>
/// Refusals as the API's callers read them: under <c>/api</c> a 401 or 403 problem that says what to send or which role
/// is needed (never a redirect to the sign-in page); pages get ASP.NET's usual challenge (the sign-in page) and forbid.
/// </summary>
public sealed class ApiAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _pages = new();

    /// <inheritdoc/>
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!IsApi(context.Request.Path) || result.Succeeded)
        {
            await _pages.HandleAsync(next, context, policy, result);
            return;
        }
        // Each role requirement (the group's and the endpoint's) allows a role and those above it; the strictest one names the role needed.
        var needed = policy.Requirements.OfType<RolesAuthorizationRequirement>()
            .Select(r => WorkbenchRoles.All.First(r.AllowedRoles.Contains))
            .MaxBy(WorkbenchRoles.Rank) ?? WorkbenchRoles.Viewer;
        var caller = WorkbenchCaller.Of(context.User);
        if (result.Challenged && caller.Role is null)
        {
            if (!context.RequestServices.GetRequiredService<SignInSettings>().Enabled)
            {
                await TypedResults.Problem(LocalAccessHandler.RemoteRefused, statusCode: StatusCodes.Status403Forbidden, title: "Sign-in is off").ExecuteAsync(context);
                return;
            }
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await TypedResults.Problem(ApiKeyHandler.Carries(context.Request)
                ? "The API key is not known; it may have been revoked. Make a new one on your Account page."
                : $"Sign in first: send an API key (made on your Account page) as 'Authorization: Bearer {AccountStore.KeyPrefix}...' or '{ApiKeyHandler.Header}'. This needs the {needed} role.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in").ExecuteAsync(context);
            return;
        }
        await TypedResults.Problem($"Your role ({caller.Role ?? "none"}) does not allow this; it needs the {needed} role.",
            statusCode: StatusCodes.Status403Forbidden, title: "Not allowed").ExecuteAsync(context);
    }

    /// <summary>True for the API and its OpenAPI document, whose callers are scripts.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");
}
