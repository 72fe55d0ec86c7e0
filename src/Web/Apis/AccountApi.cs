using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Web.Apis.Responses;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LatentWorkbench.Web.Apis;

/// <summary>
/// Signing in and out (the sign-in page's form posts, protected by antiforgery) and <c>GET /api/account</c>: who the
/// caller is and what their role allows.
/// </summary>
public static class AccountApi
{
    /// <summary>Maps <c>/account/sign-in</c>, <c>/account/sign-out</c> and <c>/api/account</c>.</summary>
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-in", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/sign-out", SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/api/account", Describe).WithTags("Account").WithSummary("Who the caller is, their role, and whether sign-in is on")
            .RequireAuthorization(WorkbenchRoles.Viewer).WithApiErrors();
        return app;
    }

    private static Ok<AccountResponse> Describe(HttpContext context, SignInSettings settings)
    {
        var caller = WorkbenchCaller.Of(context.User);
        return TypedResults.Ok(new AccountResponse(caller.Name, caller.Role!, settings.Enabled, WorkbenchRoles.All.Where(caller.Can).ToArray()));
    }

    private static async Task<RedirectHttpResult> SignInAsync([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInSettings settings, IServiceProvider services)
    {
        var target = LocalUrl(returnUrl);
        if (!settings.Enabled) return TypedResults.LocalRedirect(target);
        var signIn = services.GetRequiredService<SignInManager<WorkbenchUser>>();
        var result = string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: true, lockoutOnFailure: false);
        return result.Succeeded
            ? TypedResults.LocalRedirect(target)
            : TypedResults.LocalRedirect($"/account/login?error=1&returnUrl={Uri.EscapeDataString(target)}");
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInSettings settings, IServiceProvider services)
    {
        if (settings.Enabled) await services.GetRequiredService<SignInManager<WorkbenchUser>>().SignOutAsync();
        return TypedResults.LocalRedirect(settings.Enabled ? "/account/login" : "/");
    }

    // Only paths on this site: an absolute URL or "//host" would send a signed-in user elsewhere.
    private static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
